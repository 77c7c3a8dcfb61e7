// Handboek interne klant: the meeting on a projector (/bijeenkomst/presentatie/).
// One screen at a time (arrow keys, space, swipe, buttons, #links), a clock and a timer per block,
// and capture during the rounds. What is typed stays in this browser (localStorage) and is sent
// nowhere; it is only ever put on the page with textContent, never as HTML.
// On every other page this script finds no presentation and does nothing.
(() => {
  "use strict";

  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];
  const LISTS = ["needs", "in_return", "agreements", "actions"];
  const FIELDS = {
    needs: ["step", "customer", "what", "when", "form", "why"],
    in_return: ["step", "customer", "what", "when", "form", "why"],
    agreements: ["step", "point"],
    actions: ["what", "who", "due", "step"],
  };
  const SWIPE = 60; // pixels sideways before a swipe counts

  const pad = (n) => String(n).padStart(2, "0");
  const hhmm = (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const mmss = (ms) => {
    const s = Math.floor(Math.abs(ms) / 1000);
    return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
  };
  const dateNl = (iso) => {
    const [y, m, d] = iso.split("-").map(Number);
    return y && m && d ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
  };
  const localIso = (d) => {
    const offset = -d.getTimezoneOffset();
    const abs = Math.abs(offset);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${hhmm(d)}:${pad(d.getSeconds())}`
      + `${offset >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
  const hashKey = () => {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return ""; // a broken address such as #%E0: the first screen
    }
  };
  const joinNl = (items) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} en ${items.at(-1)}`);
  // Keys typed into these belong to them, not to the presentation; on a button or a link, so does Space.
  const isField = (el) => el instanceof Element
    && el.closest("input, textarea, select, [contenteditable], dialog[open], .md-search") !== null;
  const isControl = (el) => el instanceof Element && el.closest("button, a[href], summary, [role=button]") !== null;

  function start() {
    const root = document.querySelector("[data-hb-presentation]");
    const source = document.getElementById("hb-presentation-data");
    if (!root || !source) return;
    const data = JSON.parse(source.textContent);
    const meetingId = data.meeting ? data.meeting.id : null;
    // Maps, not plain objects: a code such as 'constructor' must not find something inherited.
    const names = new Map(Object.entries(data.people));
    const stepNames = new Map(data.steps.map((s) => [s.id, s.name]));
    const screens = [...root.querySelectorAll("[data-hb-screen]")];
    const keys = screens.map((s) => s.id);
    const timing = new Map(data.screens.map((s) => [s.key, s]));
    const $ = (name) => root.querySelector(`[data-hb-${name}]`);
    const bar = {
      where: $("where"), planned: $("planned"), now: $("now"), drift: $("drift"), timer: $("timer"),
      hold: $("hold"), full: $("fullscreen"), say: $("say"),
    };

    // --- storage: the record, and the time spent per screen ---------------------------------------
    const RECORD_KEY = meetingId ? `handboek-verslag:${meetingId}` : null;
    const CLOCK_KEY = `handboek-klok:${meetingId || "-"}`;
    let storageWorks = true;
    const read = (key) => {
      try {
        return key ? JSON.parse(localStorage.getItem(key) || "null") : null;
      } catch (error) {
        storageWorks = storageWorks && !(error instanceof DOMException);
        return null;
      }
    };
    const write = (key, value) => {
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        storageWorks = false;
        return false;
      }
    };
    const emptyRecord = () => ({ attendees: [...data.attendees], needs: [], in_return: [], agreements: [], actions: [] });
    // Only the known fields, each as text: whatever else may be in storage stays out of the record.
    const cleanRecord = (stored) => {
      const record = emptyRecord();
      if (!stored || typeof stored !== "object") return record;
      if (Array.isArray(stored.attendees)) record.attendees = stored.attendees.filter((id) => names.has(id));
      for (const list of LISTS) {
        if (!Array.isArray(stored[list])) continue;
        record[list] = stored[list].filter((item) => item && typeof item === "object").map((item) => {
          const clean = {};
          for (const field of FIELDS[list]) {
            const value = item[field];
            clean[field] = field === "step" && list === "actions" && !value ? null : (value == null ? "" : String(value));
          }
          return clean;
        });
      }
      return record;
    };
    let record = cleanRecord(read(RECORD_KEY));
    let savedAt = null;
    const save = () => {
      if (RECORD_KEY && write(RECORD_KEY, record)) savedAt = new Date();
      renderRecord();
    };
    const stored = read(CLOCK_KEY);
    const clock = {
      spent: stored && typeof stored.spent === "object" && stored.spent ? stored.spent : {},
      held: Boolean(stored && stored.held),
    };
    const saveClock = () => write(CLOCK_KEY, clock);

    // --- screens, clock and timer ----------------------------------------------------------------
    let current = 0;
    let started = false;
    let enteredAt = Date.now();
    const announced = new Set();
    const say = (text) => {
      // Emptied first, so that the same words are read again.
      bar.say.textContent = "";
      window.setTimeout(() => { bar.say.textContent = text; }, 50);
    };
    const spentOn = (key) => {
      const own = (Number(clock.spent[key]) || 0) + (key === keys[current] && !clock.held ? Date.now() - enteredAt : 0);
      const t = timing.get(key);
      return own + (t ? t.rounds.reduce((sum, round) => sum + spentOn(round), 0) : 0);
    };
    const bank = () => {
      const key = keys[current];
      if (!clock.held) clock.spent[key] = (Number(clock.spent[key]) || 0) + Date.now() - enteredAt;
      enteredAt = Date.now();
      saveClock();
    };
    const leftOn = (key) => {
      const t = timing.get(key);
      return t ? t.minutes * 60000 - spentOn(key) : null;
    };

    // On the day itself, the row of the schedule that is planned for now gets a mark.
    const nowTag = document.createElement("span");
    nowTag.className = "hb-pres-nowtag";
    nowTag.textContent = "nu gepland";
    const markNow = (now) => {
      const planned = data.meeting && data.meeting.date === localIso(now).slice(0, 10)
        ? data.screens.find((s) => !s.rounds.length && new Date(s.start) <= now
          && now < new Date(new Date(s.start).getTime() + s.minutes * 60000))
        : null;
      const row = planned ? root.querySelector(`[data-hb-row="${CSS.escape(planned.key)}"] > a`) : null;
      if (!row) nowTag.remove();
      else if (nowTag.parentElement !== row) row.append(nowTag);
    };

    const tick = () => {
      const key = keys[current];
      const t = timing.get(key);
      const now = new Date();
      bar.now.textContent = hhmm(now);
      markNow(now);
      bar.where.textContent = `Scherm ${current + 1} van ${screens.length}: ${t ? t.label : screens[current].querySelector("h2").textContent}`;
      bar.drift.textContent = "";
      if (!t) {
        const first = data.screens[0];
        const last = data.screens.at(-1);
        const end = new Date(new Date(last.start).getTime() + last.minutes * 60000);
        bar.planned.textContent = `${hhmm(new Date(first.start))}–${hhmm(end)}`;
        bar.timer.textContent = "";
        bar.timer.classList.remove("hb-pres-over");
        return;
      }
      const begin = new Date(t.start);
      bar.planned.textContent = `${hhmm(begin)}–${hhmm(new Date(begin.getTime() + t.minutes * 60000))}`;
      const left = leftOn(key);
      bar.timer.textContent = (left >= 0 ? `Nog ${mmss(left)}` : `${mmss(left)} te lang`) + (clock.held ? " (stil)" : "");
      bar.timer.classList.toggle("hb-pres-over", left < 0);
      // On the day itself: how far the meeting is from its plan.
      if (data.meeting && data.meeting.date === localIso(now).slice(0, 10)) {
        const late = Math.round((now.getTime() - begin.getTime() - spentOn(key)) / 60000);
        bar.drift.textContent = late > 0 ? `${late} min later dan gepland` : late < 0 ? `${-late} min eerder dan gepland` : "op tijd";
      }
      // Said once each: the last minute, and the end of the time. The timer itself stays silent.
      if (left < 60000 && left >= 0 && t.minutes > 1 && !announced.has(`${key}:1`)) {
        announced.add(`${key}:1`);
        say("Nog één minuut voor dit onderdeel.");
      }
      if (left < 0 && !announced.has(`${key}:0`)) {
        announced.add(`${key}:0`);
        say("De tijd voor dit onderdeel is om.");
      }
    };

    const show = (index, { focus = false, tell = false } = {}) => {
      const next = Math.max(0, Math.min(screens.length - 1, index));
      bank();
      current = next;
      screens.forEach((screen, i) => { screen.hidden = i !== next; });
      const key = keys[next];
      for (const row of root.querySelectorAll("[data-hb-row] > a")) {
        if (row.parentElement.dataset.hbRow === key) row.setAttribute("aria-current", "step");
        else row.removeAttribute("aria-current");
      }
      // A screen that is already (almost) over does not announce it again.
      const left = leftOn(key);
      if (left !== null && left < 60000) announced.add(`${key}:1`);
      if (left !== null && left < 0) announced.add(`${key}:0`);
      // The address names the screen, so that a reload comes back to it; the first screen on opening keeps the plain address.
      if (location.hash !== `#${key}` && (location.hash || next !== 0 || started)) history.replaceState(null, "", `#${key}`);
      bar.hold.disabled = !timing.has(key);
      tick();
      const heading = screens[next].querySelector("h2");
      if (focus) {
        heading.focus({ preventScroll: true });
        if (document.fullscreenElement === root) root.scrollTop = 0;
        else root.scrollIntoView({ block: "start" });
      }
      if (tell) say(`Scherm ${next + 1} van ${screens.length}: ${heading.textContent}`);
    };
    const go = (step, how) => show(current + step, how);

    root.classList.add("hb-pres--live");
    for (const el of root.querySelectorAll("[data-hb-bar], [data-hb-keys]")) el.hidden = false;
    for (const el of root.querySelectorAll("[data-hb-nojs]")) el.hidden = true;
    if (meetingId) for (const el of root.querySelectorAll("[data-hb-capture]")) el.hidden = false;
    const atLoad = keys.indexOf(hashKey());
    show(atLoad >= 0 ? atLoad : 0);
    started = true;
    window.setInterval(tick, 1000);

    root.querySelector('[data-hb-go="prev"]').addEventListener("click", () => go(-1, { tell: true }));
    root.querySelector('[data-hb-go="next"]').addEventListener("click", () => go(1, { tell: true }));
    window.addEventListener("hashchange", () => {
      const index = keys.indexOf(hashKey());
      if (index >= 0 && index !== current) show(index, { focus: true });
    });
    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isField(event.target)) return;
      if (event.key === " " && isControl(event.target)) return;
      const moves = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1, " ": event.shiftKey ? -1 : 1 };
      if (event.key in moves) go(moves[event.key], { focus: true });
      else if (event.key === "Home") show(0, { focus: true });
      else if (event.key === "End") show(screens.length - 1, { focus: true });
      else return;
      event.preventDefault();
    });
    let touch = null;
    root.addEventListener("touchstart", (event) => {
      touch = event.touches.length === 1 && !isField(event.target)
        ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
    }, { passive: true });
    root.addEventListener("touchend", (event) => {
      if (!touch) return;
      const dx = event.changedTouches[0].clientX - touch.x;
      const dy = event.changedTouches[0].clientY - touch.y;
      touch = null;
      if (Math.abs(dx) >= SWIPE && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? 1 : -1, { focus: true });
    }, { passive: true });

    bar.hold.addEventListener("click", () => {
      bank();
      clock.held = !clock.held;
      saveClock();
      bar.hold.setAttribute("aria-pressed", String(clock.held));
      tick();
    });
    bar.hold.setAttribute("aria-pressed", String(clock.held));
    if (document.fullscreenEnabled) {
      const label = () => { bar.full.textContent = document.fullscreenElement ? "Volledig scherm uit" : "Volledig scherm"; };
      bar.full.addEventListener("click", () => {
        const done = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen();
        done.catch(() => say("Volledig scherm lukt hier niet. Probeer F11."));
      });
      document.addEventListener("fullscreenchange", label);
    } else {
      bar.full.hidden = true;
    }
    window.addEventListener("pagehide", bank);
    document.addEventListener("visibilitychange", () => { if (document.hidden) bank(); });

    if (!meetingId) return;

    // --- capture ---------------------------------------------------------------------------------
    const needText = (item) => {
      const more = [["wanneer", item.when], ["vorm", item.form], ["waarom", item.why]]
        .filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`);
      return more.length ? `${item.what} (${more.join("; ")})` : item.what;
    };
    const personName = (id) => names.get(id) || id;
    const describe = {
      needs: (item) => [`Nodig voor ${personName(item.customer)}`, needText(item)],
      in_return: (item) => [`Belofte van ${personName(item.customer)}`, needText(item)],
      agreements: (item) => ["Afspraak", item.point],
      actions: (item) => ["Actiepunt", `${item.what} (${personName(item.who)}, klaar op ${dateNl(item.due)}`
        + `${item.step ? `, stap ${stepNames.get(item.step) || item.step}` : ""})`],
    };

    const entry = (list, index) => {
      const [label, text] = describe[list](record[list][index]);
      const li = document.createElement("li");
      const kind = document.createElement("strong");
      kind.textContent = `${label}: `;
      const body = document.createElement("span");
      body.className = "hb-pres-text";
      body.textContent = text;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "hb-pres-remove";
      remove.textContent = "Weghalen";
      remove.setAttribute("aria-label", `Weghalen: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
      remove.addEventListener("click", () => {
        const list_ = li.closest("[data-hb-list]");
        record[list].splice(index, 1);
        save();
        say("Weggehaald.");
        const heading = list_ && document.getElementById(list_.getAttribute("aria-labelledby"));
        if (heading) {
          heading.tabIndex = -1;
          heading.focus();
        }
      });
      li.append(kind, body, " ", remove);
      return li;
    };
    const renderLists = () => {
      for (const ul of root.querySelectorAll("[data-hb-list]")) {
        const step = ul.dataset.hbList;
        const items = [];
        for (const list of LISTS) {
          record[list].forEach((item, index) => {
            if (step === "*actions" ? list === "actions" : item.step === step) items.push(entry(list, index));
          });
        }
        if (!items.length) {
          const none = document.createElement("li");
          none.className = "hb-empty";
          none.textContent = "Nog niets vastgelegd.";
          items.push(none);
        }
        ul.replaceChildren(...items);
      }
    };

    const memo = () => {
      const lines = [`Verslag van de bijeenkomst: ${data.meeting.title}`, `Datum: ${dateNl(data.meeting.date)}`];
      if (record.attendees.length) lines.push(`Aanwezig: ${joinNl(record.attendees.map(personName))}`);
      const heads = { needs: "Wat de interne klant nodig heeft:", in_return: "Wat de interne klant terug belooft:", agreements: "Afspraken:" };
      for (const step of data.steps) {
        const part = [];
        for (const list of ["needs", "in_return", "agreements"]) {
          const items = record[list].filter((item) => item.step === step.id);
          if (!items.length) continue;
          part.push(heads[list]);
          for (const item of items) {
            part.push(list === "agreements" ? `- ${item.point}` : `- ${personName(item.customer)}: ${needText(item)}`);
          }
        }
        if (part.length) lines.push("", `Stap ${step.name}`, ...part);
      }
      if (record.actions.length) {
        lines.push("", "Actiepunten:");
        for (const item of record.actions) {
          lines.push(`- ${item.what}. Wie: ${personName(item.who)}. Klaar op ${dateNl(item.due)}.`
            + `${item.step ? ` Stap: ${stepNames.get(item.step) || item.step}.` : ""}`);
        }
      }
      if (lines.length === 2 + (record.attendees.length ? 1 : 0)) lines.push("", "Er is nog niets vastgelegd.");
      lines.push("", "Dit is een concept. Maak het af en stuur het daarna naar alle collega's.");
      return lines.join("\n");
    };

    const renderRecord = () => {
      renderLists();
      for (const box of root.querySelectorAll("[data-hb-attendee]")) box.checked = record.attendees.includes(box.value);
      const counts = $("counts");
      counts.textContent = `In deze browser: ${record.needs.length} keer wat nodig is, ${record.in_return.length} `
        + `${record.in_return.length === 1 ? "belofte" : "beloftes"} terug, ${record.agreements.length} `
        + `${record.agreements.length === 1 ? "afspraak" : "afspraken"} en ${record.actions.length} `
        + `${record.actions.length === 1 ? "actiepunt" : "actiepunten"}.`;
      $("memo").value = memo();
      $("stored").textContent = !storageWorks
        ? "Let op: deze browser kan niets bewaren. Download het verslag voordat je de pagina sluit."
        : savedAt ? `Bewaard in deze browser om ${hhmm(savedAt)}.` : "";
    };

    const refuse = (field, message) => {
      field.setCustomValidity(message);
      field.reportValidity();
      field.addEventListener("input", () => field.setCustomValidity(""), { once: true });
    };
    const add = (form) => {
      const list = form.dataset.hbForm;
      const value = (name) => String(form.elements[name] ? form.elements[name].value : "").trim();
      const step = form.dataset.hbStep;
      let item;
      let clear;
      if (list === "expectation") {
        item = { step, customer: value("customer"), what: value("what"), when: value("when"), form: value("form"), why: value("why") };
        clear = ["what", "when", "form", "why"];
      } else if (list === "agreements") {
        item = { step, point: value("point") };
        clear = ["point"];
      } else {
        item = { what: value("what"), who: value("who"), due: value("due"), step: value("step") || null };
        clear = ["what", "who", "due"];
      }
      const empty = ["what", "point", "customer", "who", "due"].find((name) => name in item && !item[name]);
      if (empty) return refuse(form.elements[empty], "Vul dit in.");
      if (list === "actions" && !/^\d{4}-\d{2}-\d{2}$/.test(item.due)) return refuse(form.elements.due, "Kies een datum.");
      const target = list === "expectation" ? (value("kind") === "in_return" ? "in_return" : "needs") : list;
      record[target].push(item);
      save();
      for (const name of clear) form.elements[name].value = "";
      form.elements[clear[0]].focus();
      say("Toegevoegd. Het staat nu onder Vastgelegd.");
    };
    for (const form of root.querySelectorAll("form[data-hb-form]")) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        add(form);
      });
    }
    for (const box of root.querySelectorAll("[data-hb-attendee]")) {
      box.addEventListener("change", () => {
        record.attendees = [...root.querySelectorAll("[data-hb-attendee]")].filter((b) => b.checked).map((b) => b.value);
        save();
      });
    }

    $("download").addEventListener("click", () => {
      const now = new Date();
      const pick = (list) => record[list].map((item) => Object.fromEntries(FIELDS[list].map((f) => [f, item[f]])));
      const out = {
        format: data.format,
        version: data.version,
        meeting: meetingId,
        saved: localIso(now),
        attendees: [...record.attendees],
        needs: pick("needs"),
        in_return: pick("in_return"),
        agreements: pick("agreements"),
        actions: pick("actions"),
      };
      const blob = new Blob([`${JSON.stringify(out, null, 2)}\n`], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `verslag-${meetingId}-${localIso(now).slice(0, 10)}.json`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10000);
      say("Het verslag is gedownload.");
    });

    const clearButton = $("clear");
    const dialog = $("confirm");
    const wipe = () => {
      record = emptyRecord();
      savedAt = null;
      write(RECORD_KEY, null);
      clock.spent = {};
      enteredAt = Date.now();
      saveClock();
      announced.clear();
      renderRecord();
      tick();
      say("Het verslag in deze browser is gewist.");
    };
    clearButton.addEventListener("click", () => dialog.showModal());
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "wissen") wipe();
      dialog.returnValue = "";
      clearButton.focus();
    });
    // Another tab of the same page changed the record: show that here too.
    window.addEventListener("storage", (event) => {
      if (event.key === RECORD_KEY) {
        record = cleanRecord(read(RECORD_KEY));
        renderRecord();
      }
    });
    renderRecord();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
