// The home tests' timer (a Streamlit v2 component). The same state machine as lib/timers.py:
// keep the two in step (tests/unit/test_timers.py tests that one, tests/browser/test_timers.py
// clicks through this one). Nothing is fetched: the beep is made here with the Web Audio API.

const READY = "ready";
const RUNNING = "running";
const DONE = "done";

function tenths(ms) {
  return Math.floor((Math.max(ms, 0) + 50) / 100) / 10;
}

function fresh() {
  return { phase: READY, started: 0, ended: 0, count: 0, stage: 1, held: 0, result: null };
}

function catchUp(spec, s, now) {
  if (s.phase !== RUNNING) return s;
  if (spec.kind === "stopwatch") {
    if (now > s.started + spec.limit_ms) {
      return { ...s, phase: DONE, ended: now, result: null };
    }
    return s;
  }
  const end = s.started + spec.duration_ms;
  if (now < end) return s;
  if (spec.kind === "countdown") {
    return { ...s, phase: DONE, ended: end, result: s.count };
  }
  const held = s.stage;
  if (held >= spec.stages) {
    return { ...s, phase: DONE, ended: end, held, result: held };
  }
  return { ...s, phase: READY, ended: end, held, stage: held + 1 };
}

function step(spec, s, ev, now) {
  if (ev === "reset") return fresh();
  s = catchUp(spec, s, now);
  if (s.phase === DONE) return s;
  if (spec.kind === "countdown") {
    if (ev === "start" && s.phase === READY) return { ...s, phase: RUNNING, started: now, count: 0 };
    if (ev === "tap" && s.phase === RUNNING) return { ...s, count: s.count + 1 };
    return s;
  }
  if (spec.kind === "holds") {
    if (ev === "start" && s.phase === READY) return { ...s, phase: RUNNING, started: now };
    if (ev === "fail" && s.phase === RUNNING) return { ...s, phase: DONE, ended: now, result: s.held };
    if (ev === "stop" && s.phase === READY && s.held > 0) {
      return { ...s, phase: DONE, ended: now, result: s.held };
    }
    return s;
  }
  if (ev === "start" && s.phase === READY) return { ...s, phase: RUNNING, started: now };
  if (ev === "stop" && s.phase === RUNNING) {
    const seconds = tenths(Math.max(now, s.started) - s.started);
    const ok = seconds > 0 && seconds * 1000 <= spec.limit_ms;
    return { ...s, phase: DONE, ended: now, result: ok ? seconds : null };
  }
  return s;
}

function elapsed(spec, s, now) {
  if (s.phase === READY) return 0;
  const end = s.phase === DONE ? s.ended : Math.max(now, s.started);
  const run = end - s.started;
  return spec.kind === "stopwatch" ? run : Math.min(run, spec.duration_ms);
}

// --- sound and vibration: made here, never fetched ---------------------------------------

function beep(box, long) {
  box.beeps += 1;
  box.root.dataset.beeps = String(box.beeps);
  try {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    box.audio = box.audio || new Ctx();
    const ctx = box.audio;
    if (ctx.state === "suspended") ctx.resume();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = 880;
    const t = ctx.currentTime;
    const length = long ? 0.8 : 0.25;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.5, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + length + 0.05);
  } catch (err) {
    // No sound on this device: the screen still shows the end.
  }
  if (navigator.vibrate) {
    try {
      navigator.vibrate(long ? [300, 100, 300] : 150);
    } catch (err) {
      /* no vibration */
    }
  }
}

function unlockAudio(box) {
  // A phone only lets a page make sound after a tap: make the audio context on the start tap.
  try {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (Ctx && !box.audio) box.audio = new Ctx();
    if (box.audio && box.audio.state === "suspended") box.audio.resume();
  } catch (err) {
    /* no sound */
  }
}

// --- drawing ------------------------------------------------------------------------------

function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(box, cls, label, ev) {
  const b = el("button", `lme-btn ${cls}`, label);
  b.type = "button";
  b.dataset.event = ev;
  b.addEventListener("click", () => box.fire(ev));
  return b;
}

function draw(box) {
  const { spec, words } = box;
  const s = box.state;
  const now = performance.now();
  const root = box.root;
  root.dataset.phase = s.phase;
  root.dataset.count = String(s.count);
  root.dataset.held = String(s.held);
  root.classList.toggle("lme-done", s.phase === DONE);
  root.classList.toggle("lme-running", s.phase === RUNNING);
  const body = root.querySelector(".lme-body");
  body.replaceChildren();
  const clock = el("div", "lme-clock");
  clock.setAttribute("role", "timer");
  const left = Math.max(spec.duration_ms - elapsed(spec, s, now), 0);
  if (spec.kind === "stopwatch") {
    clock.textContent = `${(elapsed(spec, s, now) / 1000).toFixed(1)} s`;
  } else if (s.phase === RUNNING) {
    clock.textContent = `${Math.ceil(left / 1000)} s`;
  } else {
    clock.textContent = `${Math.round(spec.duration_ms / 1000)} s`;
  }
  if (spec.kind !== "stopwatch") {
    const bar = el("div", "lme-bar");
    const fillBar = el("div", "lme-bar-fill");
    const share = s.phase === RUNNING ? left / spec.duration_ms : s.phase === DONE ? 0 : 1;
    fillBar.style.width = `${Math.round(share * 100)}%`;
    bar.append(fillBar);
    body.append(clock, bar);
  } else {
    body.append(clock);
  }

  if (spec.kind === "countdown") {
    const count = el("div", "lme-count", fill(words.count, { count: s.count }));
    body.append(count);
    if (s.phase === READY) body.append(button(box, "lme-start", words.start, "start"));
    if (s.phase === RUNNING) body.append(button(box, "lme-tap", words.tap, "tap"));
  } else if (spec.kind === "holds") {
    const stage = spec.stage_names[Math.min(s.stage, spec.stages) - 1] || "";
    const how = spec.stage_how[Math.min(s.stage, spec.stages) - 1] || "";
    if (s.phase !== DONE) {
      body.append(el("div", "lme-stage", fill(words.stage, { stage: s.stage, name: stage })));
      body.append(el("div", "lme-how", how));
    }
    if (s.held > 0 && s.phase === READY) {
      body.append(el("div", "lme-count", fill(words.held, { stage: s.held })));
    }
    if (s.phase === READY) {
      body.append(button(box, "lme-start", fill(words.start, { stage: s.stage }), "start"));
      if (s.held > 0) body.append(button(box, "lme-stop", words.stop, "stop"));
    }
    if (s.phase === RUNNING) body.append(button(box, "lme-tap", words.fail, "fail"));
  } else {
    if (s.phase === READY) body.append(button(box, "lme-start", words.start, "start"));
    if (s.phase === RUNNING) body.append(button(box, "lme-tap", words.stop, "stop"));
  }

  if (s.phase === DONE) {
    const end = el("div", "lme-end");
    if (s.result === null) {
      end.textContent = words.no_result;
    } else {
      const done = spec.kind === "holds" && s.result === 0 ? words.done_none : words.done;
      end.textContent = fill(done, { result: s.result });
    }
    body.append(end);
    body.append(button(box, "lme-reset", words.again, "reset"));
  } else if (s.phase !== READY || (spec.kind === "holds" && s.held > 0)) {
    body.append(button(box, "lme-reset lme-small", words.reset, "reset"));
  }
  const live = root.querySelector(".lme-live");
  const said = s.phase === DONE ? body.querySelector(".lme-end").textContent : "";
  if (live.textContent !== said) live.textContent = said;
}

function makeBox(parent, data) {
  const root = el("div", "lme-timer");
  root.dataset.kind = data.spec.kind;
  root.append(el("p", "lme-safety", data.words.safety));
  root.append(el("p", "lme-how-to", data.words.how));
  root.append(el("div", "lme-body"));
  const live = el("div", "lme-live");
  live.setAttribute("aria-live", "assertive");
  live.setAttribute("role", "status");
  root.append(live);
  parent.append(root);
  const box = {
    root,
    spec: data.spec,
    words: data.words,
    state: fresh(),
    beeps: 0,
    audio: null,
    interval: null,
    send: null,
    sent: 0,
  };
  box.fire = (ev) => {
    if (ev === "start") unlockAudio(box);
    advance(box, ev);
  };
  root._lme = box;
  return box;
}

function advance(box, ev) {
  const before = box.state;
  const now = performance.now();
  box.state = step(box.spec, before, ev, now);
  const after = box.state;
  // A hold held, or a count-down over: a beep (long at the very end).
  if (after.phase === DONE && before.phase !== DONE && ev === "tick") beep(box, true);
  else if (box.spec.kind === "holds" && after.held > before.held && after.phase !== DONE) {
    beep(box, false);
  }
  if (after.phase === DONE && before.phase !== DONE && after.result !== null && box.send) {
    box.sent += 1;
    box.send("result", { value: after.result, n: box.sent });
  }
  if (after.phase === RUNNING && !box.interval) {
    box.interval = setInterval(() => advance(box, "tick"), 100);
  }
  if (after.phase !== RUNNING && box.interval) {
    clearInterval(box.interval);
    box.interval = null;
  }
  draw(box);
}

export default function (component) {
  const { parentElement, data, setTriggerValue } = component;
  let root = parentElement.querySelector(".lme-timer");
  let box = root ? root._lme : null;
  if (!box || box.spec.kind !== data.spec.kind) {
    if (root) root.remove();
    box = makeBox(parentElement, data);
  }
  box.words = data.words;
  box.send = setTriggerValue;
  if (box.state.phase === RUNNING && !box.interval) {
    box.interval = setInterval(() => advance(box, "tick"), 100);
  }
  draw(box);
  return () => {
    if (box.interval) {
      clearInterval(box.interval);
      box.interval = null;
    }
  };
}
