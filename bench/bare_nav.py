"""A one-line page inside the explorer's own navigation, for "What costs the time".

The same sections, titles and icons as app.py (read from its source, so they cannot drift),
every page a one-line function under the same URL (`/projection` draws the bare chart
page's one Altair chart instead). Opened below `/`, it shows what Streamlit's navigation
and its multipage URLs cost before any of our content: the difference between this page
and the real one is what the real page itself draws.
"""

import ast
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st


def _text() -> None:
    st.write("Hello")


def _chart() -> None:
    data = pd.DataFrame({"x": range(71), "y": range(71)})
    st.altair_chart(alt.Chart(data).mark_line().encode(x="x:Q", y="y:Q"))


def _app_pages() -> dict[str, list[dict[str, object]]]:
    """Section -> the script and keyword arguments of each st.Page in app.py."""
    tree = ast.parse((Path(__file__).parents[1] / "app.py").read_text(encoding="utf-8"))
    spec = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "pages" for t in node.targets)
    )
    assert isinstance(spec, ast.Dict)
    out: dict[str, list[dict[str, object]]] = {}
    for key, value in zip(spec.keys, spec.values, strict=True):
        assert isinstance(key, ast.Constant)
        assert isinstance(value, ast.List)
        out[str(key.value)] = [
            {
                "script": ast.literal_eval(call.args[0]),
                **{kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg},
            }
            for call in value.elts
            if isinstance(call, ast.Call)
        ]
    return out


pages = {
    section: [
        st.Page(
            _text if Path(str(entry["script"])).stem != "projection" else _chart,
            title=str(entry["title"]),
            icon=str(entry["icon"]),
            default=bool(entry.get("default", False)),
            url_path=None if entry.get("default") else Path(str(entry["script"])).stem,
        )
        for entry in entries
    ]
    for section, entries in _app_pages().items()
}
st.navigation(pages).run()
