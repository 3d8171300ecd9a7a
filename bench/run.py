"""`make bench`: medians and ratios against bare Streamlit pages, written to bench/RESULTS.md.

Parts (each a module of this package; every ratio is against a bare page run the same way):

- lib: `lib.projection.project` and parsing one article (`bench.core`).
- apptest: one script rerun of every page under AppTest, beside a one-line page.
- cold: cold loads of every page in Chromium, split into boot, run and draw
  (`bench.pageload`).
- start: server cold start, from `streamlit run` to the first settled page.
- interaction: from changing an input to the redrawn chart and summary on /projection and
  /self_check, beside a bare one-slider page (`bench.interaction`).
- load: 50 concurrent sessions (3 Chromium tabs, the rest over Streamlit's websocket
  protocol) for 60 s: errors, latency, memory (`bench.load`, `bench.protocol`).
- reading: each reading page (`/read/...`) against the Streamlit page of the same content,
  cold loads and transfer sizes in one run, and Lighthouse on a sample when installed
  (`bench.readingload`).
- lecture: a class of 150 and of 300 opening the presenter's QR link within 20 and 30 s,
  against one process and against `make serve`'s stack, in the same run: first-view
  p50/p95, errors, server CPU per first view and what a class of 300 needs on a cluster
  (`bench.lecture`; quick: 30 and 60 students).
- costs: a new session's first view of the heaviest pages over Streamlit's protocol, server
  CPU and script runs beside the navigation floor (always), and a sampling profile of the
  reruns and of new sessions' first runs, ours against Streamlit's (`bench.costs`; written
  when a target is missed or the part is asked for).

`python -m bench.run` runs everything (6-8 minutes on 2 cores) and writes bench/RESULTS.md.
`python -m bench.run --only load --quick` runs one part (or several, comma-separated) with
fewer repetitions (the load part: 10 sessions for 10 s) and writes
bench/.work/RESULTS-partial.md instead, so a quick run never replaces the full results.

Timings live here, never as assertions in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402

from bench import core, costs, interaction, lecture, load, pageload, readingload  # noqa: E402
from bench.common import CHART_PAGES, CHROMIUM, PAGES, WORK, Part, median  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
PARTIAL = WORK / "RESULTS-partial.md"
PARTS = ("lib", "apptest", "cold", "start", "interaction", "load", "reading", "lecture", "costs")
BROWSER_PARTS = {"cold", "start", "interaction", "load", "reading", "lecture"}


def header(full: bool, quick: bool) -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = f" ({line.split(':', 1)[1].strip()})"
                break
    except OSError:
        pass
    load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    kind = "all parts" if full else "some parts"
    return [
        "# Benchmark results",
        "",
        f"Written by `make bench` ({kind}{', quick' if quick else ''}) on "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. Machine: {platform.machine()}"
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; Streamlit {streamlit.__version__}; Chromium "
        f"at {CHROMIUM}. Load average when it started: {load_avg} (the machine is shared, "
        "so absolute times move between runs: compare ratios). Medians unless a row says "
        "otherwise; ratios are against a bare Streamlit page run the same way.",
    ]


def cost_lines(parts: dict[str, Part], profiles: list[costs.Profile]) -> list[str]:
    """The "What costs the time" section: the missed targets and where their time goes."""
    misses = [m for part in parts.values() for m in part.misses]
    if not misses:
        return []
    lines = [
        "## What costs the time",
        "",
        "Targets missed in this run:",
        "",
        *[f"- {m}" for m in misses],
    ]
    if "cold" in parts:
        lines += ["", *_cold_costs(parts["cold"])]
    if "interaction" in parts:
        lines += ["", *_interaction_costs(parts["interaction"])]
    if "load" in parts and parts["load"].misses:
        lines += ["", *_load_costs(parts["load"])]
    if profiles:
        lines += [
            "",
            "### A script rerun, sampled",
            "",
            "Where a rerun's time goes under AppTest (the script and Streamlit's element calls, "
            f"no websocket or browser), from a sampling profile of {profiles[0].reruns} reruns: "
            "the stack every "
            "0.5 ms, each sample charged to the innermost frame outside Python's standard "
            "library. The bare slider page (Streamlit's `st.altair_chart` with its defaults) "
            "shows what Streamlit and Altair cost for one chart.",
            "",
            *costs.profile_lines(profiles),
        ]
    return lines


def _cold_costs(part: Part) -> list[str]:
    loads = part.data["loads"]
    bare = part.data["bare"]
    floors = part.data["floors"]
    assert isinstance(loads, dict)
    assert isinstance(bare, dict)
    assert isinstance(floors, dict)
    lines = ["### Cold loads", ""]

    def mean(values: list[float]) -> float:
        return sum(values) / len(values)

    for kind, stems in (
        ("text", [s for s in PAGES if s not in CHART_PAGES]),
        ("chart", [s for s in PAGES if s in CHART_PAGES]),
    ):
        base = bare[kind]
        extra = {
            key: mean([loads[s][key] - base[key] for s in stems])
            for key in ("total", "boot", "run", "draw", "ws_kb", "files")
        }
        streamlit = mean([floors[pageload.floor_of(s)]["total"] - base["total"] for s in stems])
        ours = mean([loads[s]["total"] - floors[pageload.floor_of(s)]["total"] for s in stems])
        lines.append(
            f"- The {len(stems)} {kind} pages take on average {extra['total']:+.0f} ms over the "
            f"bare {kind} page ({base['total']:.0f} ms): boot {extra['boot']:+.0f} ms, run "
            f"{extra['run']:+.0f} ms, draw {extra['draw']:+.0f} ms; "
            f"{extra['ws_kb']:+.0f} KB more over the websocket and {extra['files']:+.0f} more "
            "files. Of that, the navigation floor (the same URL with a one-line page in the "
            f"explorer's navigation) accounts for {streamlit:+.0f} ms: Streamlit drawing the "
            f"sidebar's {len(PAGES)} pages and, below `/`, its extra round of requests "
            f"before it connects. The pages' own content costs {ours:+.0f} ms over that floor."
        )
        lines.append(_extra_files(part, kind, stems))
    floor_ratios = {
        "`/`": floors["nav home"]["total"] / bare["text"]["total"],
        f"`/{pageload.NAV_FLOORS['nav text']}`": floors["nav text"]["total"]
        / bare["text"]["total"],
        f"`/{pageload.NAV_FLOORS['nav chart']}` (chart)": floors["nav chart"]["total"]
        / bare["chart"]["total"],
    }
    lines.append(
        "- The floor itself, against the bare page of its kind: "
        + ", ".join(f"{where} {ratio:.2f}" for where, ratio in floor_ratios.items())
        + f". Where it is over {pageload.RATIO_TARGET}, no page at that URL can meet the "
        "target while it keeps the navigation, however little it draws."
    )
    nested = [s for s in PAGES if s != "home"]
    lines.append(
        f"- Boot: `/` (home) {loads['home']['boot']:.0f} ms, the other pages "
        f"{sum(loads[s]['boot'] for s in nested) / len(nested):.0f} ms on average, the bare "
        f"pages {bare['text']['boot']:.0f} ms. On a page below `/`, Streamlit's frontend first "
        "asks `<page>/_stcore/host-config` and `<page>/_stcore/health`, gets 404s and then "
        "asks at the root (one extra round of requests before it connects): a cost of "
        "Streamlit's multipage URLs, not of what our pages draw. The bare pages are served at "
        "`/`."
    )
    lines.append(
        "- Files: Streamlit's frontend fetches the code for each kind of element the first "
        "time a page uses it (a slider, a download button, a page link, `st.html`), from the "
        "same server process that is running the script, so a page with inputs waits for "
        "those files while its first run streams. Our data tables are plain HTML "
        "(`lib/tables.py`) and the share link plain text, because `st.dataframe` and "
        "`st.code` cost about 2.8 MB and 1.5 MB of JavaScript."
    )
    return lines


def _extra_files(part: Part, kind: str, stems: list[str], top: int = 5) -> str:
    """The largest files the pages load that the bare page of their kind does not."""
    files = part.data["files"]
    assert isinstance(files, dict)
    bare = files[f"bare {kind}"]
    sizes: dict[str, int] = {}
    used_by: dict[str, int] = {}
    for stem in stems:
        for name, size in files[stem].items():
            if name not in bare:
                sizes[name] = max(sizes.get(name, 0), size)
                used_by[name] = used_by.get(name, 0) + 1
    largest = sorted(sizes, key=lambda n: -sizes[n])[:top]
    listed = "; ".join(
        f"`{n}` {sizes[n] / 1024:.0f} KB ({used_by[n]} of {len(stems)} pages)" for n in largest
    )
    return f"  - Largest files these pages load that the bare {kind} page does not: {listed}."


def _interaction_costs(part: Part) -> list[str]:
    browser = part.data["browser"]
    alone = part.data["server_alone"]
    with_gc = part.data["server_alone_with_gc"]
    assert isinstance(browser, dict)
    assert isinstance(alone, dict)
    assert isinstance(with_gc, dict)

    def total(name: str) -> float:
        return median([t.total for t in browser[name]])

    def long_tasks(name: str) -> float:
        return median([t.long_tasks for t in browser[name]])

    def server(name: str, table: dict[str, list[float]] = alone) -> float:
        return median(table[name])

    lines = [
        "### Interaction",
        "",
        f"- Streamlit's floor, the bare slider page: {total('bare'):.0f} ms in the browser; "
        f"the server's rerun alone {server('bare'):.0f} ms (mostly Altair building and "
        f"validating the chart), {server('bare', with_gc):.0f} ms with Streamlit's default "
        "post-run garbage collection on.",
        f"- Our projection chart alone (one slider, the chart, its sentence): "
        f"{total('chart_only'):.0f} ms in the browser, server alone "
        f"{server('chart_only'):.0f} ms: what our chart adds over Streamlit's floor.",
    ]
    for name in ("projection", "self_check"):
        label = next(c.label for c in interaction.CASES if c.name == name)
        lines.append(
            f"- {label}: {total(name):.0f} ms in the browser, server alone "
            f"{server(name):.0f} ms ({server(name, with_gc):.0f} ms with the post-run garbage "
            f"collection on), long tasks on the browser's main thread {long_tasks(name):.0f} ms."
            " The rest of the page (inputs, data table, article, navigation) is what it adds "
            "over the chart alone."
        )
    lines.append(
        "- The app turns Streamlit's post-run garbage collection off (`[runner] postScriptGC "
        "= false` in `.streamlit/config.toml`): with it back on, `/projection` took "
        f"{total('projection_with_gc'):.0f} ms in the browser (off: {total('projection'):.0f} "
        f"ms) and its server rerun {server('projection', with_gc):.0f} ms instead of "
        f"{server('projection'):.0f} ms. The collection (`gc.collect(2)` in Streamlit's "
        "`ScriptRunner._on_script_finished`) holds the interpreter lock right after the "
        "script, so the run's last messages wait for it, and every session's runs queue "
        "behind it under load. Turning it off leaves Python's automatic collection in place. "
        "`python -m bench.run --only load --with-gc` shows the server's memory under load "
        "with it on."
    )
    return lines


def _load_costs(part: Part) -> list[str]:
    data = part.data
    sessions, elapsed, reruns = data["sessions"], data["elapsed_s"], data["reruns"]
    cpu = data["server_cpu_s"]
    assert isinstance(sessions, int)
    assert isinstance(elapsed, float)
    assert isinstance(reruns, int)
    assert isinstance(cpu, float)
    rate = reruns / elapsed
    think = sum(load.THINK_S) / 2
    return [
        "### Load",
        "",
        f"- The server finished {rate:.1f} reruns a second, using {cpu / elapsed:.2f} cores on "
        f"average ({cpu / max(reruns, 1) * 1000:.0f} ms of CPU a rerun). Streamlit runs every "
        "session's script in a thread of one Python process, so scripts share one interpreter "
        "lock: about one core at most, less on this shared machine. With "
        f"{sessions} sessions each asking again {think:.1f} s after an answer, a request waits "
        f"about {sessions} / {rate:.1f} - {think:.1f} = {sessions / rate - think:.1f} s in the "
        "queue, which is the latency measured: the queue, not any one slow page. New browser "
        "tabs wait in the same queue, and their static files are served by the same busy "
        "process.",
        "- Less CPU a rerun is what shortens the queue (see Interaction for what a rerun "
        "costs, and for Streamlit's post-run garbage collection, which the app turns off).",
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        help=f"comma-separated parts to run: {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--with-gc",
        action="store_true",
        help="run the load part's server with Streamlit's post-run GC back on (to compare)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions; the load part runs 10 sessions for 10 s",
    )
    args = parser.parse_args(argv)
    chosen = PARTS if not args.only else tuple(p.strip() for p in args.only.split(","))
    unknown = set(chosen) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) {', '.join(sorted(unknown))}; choose from {PARTS}")
    full = not args.only and not args.quick and not args.with_gc
    quick = args.quick
    browser = CHROMIUM.exists()

    started = time.perf_counter()
    lines = header(full, quick)  # now, for the load average before the bench adds its own
    parts: dict[str, Part] = {}
    skipped: list[str] = []
    for name in chosen:
        if name == "costs":
            continue
        if name in BROWSER_PARTS and not browser:
            skipped.append(name)
            continue
        print(f"bench: {name} ...", flush=True)
        t = time.perf_counter()
        if name == "lib":
            parts[name] = core.run_lib()
        elif name == "apptest":
            parts[name] = core.run_apptest(reruns=5 if quick else core.RERUNS)
        elif name == "cold":
            parts[name] = pageload.run_cold_loads(repeat=2 if quick else pageload.COLD_LOADS)
        elif name == "start":
            parts[name] = pageload.run_cold_starts(repeat=2 if quick else pageload.COLD_STARTS)
        elif name == "interaction":
            parts[name] = interaction.run(reps=3 if quick else 11)
        elif name == "load":
            env = interaction.WITH_GC if args.with_gc else None
            parts[name] = (
                load.run(sessions=10, browsers=1, seconds=10, env=env)
                if quick
                else load.run(env=env)
            )
        elif name == "reading":
            parts[name] = readingload.run(repeat=2 if quick else readingload.REPEAT)
        elif name == "lecture":
            parts[name] = lecture.run(quick=quick)
        print("\n".join(parts[name].lines), flush=True)
        print(f"bench: {name} took {time.perf_counter() - t:.0f} s", flush=True)

    profiles: list[costs.Profile] = []
    first_runs: list[costs.Profile] = []
    rerun_missed = any(
        part.misses for key, part in parts.items() if key in ("apptest", "interaction")
    )
    if "costs" in chosen:
        print("bench: costs (first views) ...", flush=True)
        t = time.perf_counter()
        parts["costs"] = costs.run_first_views(rounds=2 if quick else 3)
        print("\n".join(parts["costs"].lines), flush=True)
        print(f"bench: costs (first views) took {time.perf_counter() - t:.0f} s", flush=True)
    if "costs" in chosen and (rerun_missed or args.only):
        print("bench: costs ...", flush=True)
        reruns = 10 if quick else 30
        slow = parts["apptest"].data.get("slow_pages", []) if "apptest" in parts else []
        assert isinstance(slow, list)
        profiles = [costs.profile_reruns("bare slider page", "bench/bare_slider.py", None, reruns)]
        for stem in dict.fromkeys(["projection", "self_check", *slow]):
            profiles.append(
                costs.profile_reruns(f"`/{stem}`", "app.py", f"pages/{stem}.py", reruns)
            )
        first = [
            costs.profile_first_runs(
                "navigation floor, first run", "bench/bare_nav.py", None, sessions=reruns
            )
        ]
        for _, page, query in costs.first_view_links()[1:]:
            first.append(
                costs.profile_first_runs(
                    f"`/{page}`, first run", "app.py", f"pages/{page}.py", query, reruns
                )
            )
        first_runs = first

    for name in PARTS:
        if name in parts:
            lines += ["", *parts[name].lines]
    if skipped:
        lines += ["", f"Skipped ({', '.join(skipped)}): {CHROMIUM} not found."]
    section = cost_lines(parts, profiles)
    if not section and profiles:  # asked for the profile alone: show it anyway
        section = ["## What costs the time", "", *costs.profile_lines(profiles)]
    if first_runs:
        section += ["", *costs.first_run_lines(first_runs)]
    if section:
        lines += ["", *section]
    lines += ["", f"The whole run took {time.perf_counter() - started:.0f} s."]

    target = RESULTS if full else PARTIAL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if section:
        print("\n".join(section))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
