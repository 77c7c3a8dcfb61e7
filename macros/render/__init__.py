"""Pure functions from the model to Markdown and HTML strings.

Every data value passes through ``escape.h`` (HTML) or ``escape.md``
(a Markdown heading) on its way out, so markup in the data shows as text.
"""
