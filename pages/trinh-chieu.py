"""Trình chiếu: the current filter as full-screen slides — the same slides as the PowerPoint file and the HTML brief
(danvan.report), one insight per screen, large type, previous/next at the bottom (← → keys), Esc to leave."""

import streamlit as st

from components import cached, keys, presenting, ui, view
from danvan.exports import FORMATS, report
from danvan.figures import charts
from danvan.filter import file_stem

ICONS = {"pptx": ":material/slideshow:", "html": ":material/public_off:"}  # the files of the slides, and their icons

current = view.current()
t, lang = current.t, current.lang
# Per filter, which slides there are; per filter and slide, the slide: a new filter makes the slide shown, a slide
# change reads the cache (components/cached.py), the files are made only when downloaded.
total = cached.slide_count(current.catalog, current.flt, lang)
state = st.session_state
state[keys.SLIDE] = min(max(int(state.get(keys.SLIDE, 0)), 0), total - 1)
number = state[keys.SLIDE]
slide = cached.slide(current.catalog, current.flt, lang, number)
view.keep(presenting.PARAM, number + 1)  # the link reopens this slide


def move(step: int) -> None:
    state[keys.SLIDE] = min(max(state[keys.SLIDE] + step, 0), total - 1)


def markdown_table(table: report.Table) -> str:
    head = "| " + " | ".join(ui.plain(h) for h in table.header) + " |"
    rule = "|" + "---|" * len(table.header)
    rows = ["| " + " | ".join(ui.plain(v or "—") for v in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *rows])


def notes(lines: tuple[str, ...]) -> None:
    if lines:
        with st.container(key="slide_notes"):
            for line in lines:
                st.markdown(ui.plain(line))


st.title(ui.plain(slide.title), anchor=False)
if slide.kind == "title":
    with st.container(key="slide_lead"):
        st.markdown(ui.plain(slide.subtitle))
elif slide.subtitle:
    with st.container(key="slide_subtitle"):
        st.markdown(ui.plain(slide.subtitle))

if slide.figures:
    with st.container(key="slide_figures"):
        per_row = 3 if len(slide.figures) != 4 else 2
        for start in range(0, len(slide.figures), per_row):
            for i, (column, figure) in enumerate(
                zip(st.columns(per_row, gap="large"), slide.figures[start : start + per_row], strict=False)
            ):
                with column:  # the big value, then what it is, then where and when
                    for part, text in (("value", figure.value), ("label", figure.label), ("detail", figure.detail)):
                        if text:
                            st.container(key=f"figure_{part}_{start + i}").markdown(ui.plain(text))
if slide.chart is not None:  # as tall as the screen leaves it (a laptop's 768 pixels as a projector's 1080)
    figure = cached.slide_figure(current.catalog, current.flt, lang, number, None)  # no fixed height: the box's
    with st.container(key="slide_chart_notes" if slide.notes else "slide_chart"):
        st.plotly_chart(
            figure,
            theme=None,
            config=charts.plotly_config(lang, responsive=True, displayModeBar=False),
            key=f"slide_chart_{number}",
            height="stretch",
        )
if slide.map is not None:
    picture, side = st.columns([5, 2], gap="large")
    picture.container(key="slide_map").image(
        cached.slide_map_image(current.catalog, current.flt, lang, number), width=1200
    )
    with side:
        notes(slide.notes)
if slide.table is not None:
    with st.container(key="slide_table"):
        st.markdown(markdown_table(slide.table))
if slide.bullets:
    st.markdown(
        "\n".join(
            f"- **{ui.plain(lead)}:** {ui.plain(text)}" if lead else f"- {ui.plain(text)}"
            for lead, text in slide.bullets
        )
        if slide.kind != "empty"
        else ui.plain(slide.bullets[0][1])
    )
if slide.map is None:
    notes(slide.notes)
with st.container(key="slide_source"):
    st.markdown(ui.plain(slide.source))

with st.container(key="present_controls", horizontal=True, vertical_alignment="center", gap="medium"):
    st.button(
        t("present_prev"),
        icon=":material/arrow_back:",
        on_click=move,
        args=(-1,),
        disabled=number == 0,
        shortcut="Left",
        key="present_prev",
    )
    st.markdown(f"**{t('present_counter', n=number + 1, total=total)}**")
    st.button(
        t("present_next"),
        icon=":material/arrow_forward:",
        on_click=move,
        args=(1,),
        disabled=number == total - 1,
        shortcut="Right",
        key="present_next",
        type="primary",
    )
    st.space("stretch")
    st.caption(t("present_keys"))
    with st.popover(t("present_download"), icon=":material/download:"):
        for name, icon in ICONS.items():
            kind = FORMATS[name]
            st.download_button(
                t(kind.label),
                lambda kind=kind: kind.slides(cached.slides_report(current.catalog, current.flt, lang)),
                file_name=f"{file_stem(current.catalog, current.flt, 'cong-tac-dan-van')}.{kind.extension}",
                mime=kind.mime,
                icon=icon,
                on_click="ignore",
                key=f"present_{name}",
            )
    if st.button(t("present_exit"), icon=":material/close:", shortcut="Esc", key="present_exit"):
        presenting.leave()
# A presenter's clicker sends Page Down / Page Up: the same moves, on keys of their own, out of sight.
with st.container(key="present_pager"):
    st.button("›", on_click=move, args=(1,), shortcut="PageDown", key="present_pagedown")
    st.button("‹", on_click=move, args=(-1,), shortcut="PageUp", key="present_pageup")
