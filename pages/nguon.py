"""Nguồn: every source with title, publisher, date, link, and what was curated from it; quotes highlighted in the
stored text, always shown as text."""

import polars as pl
import streamlit as st

from components import cached, review, ui, view
from danvan import fmt, queries
from danvan.loader import CELL_REFERENCE_PATTERN
from danvan.text import ends_mid_sentence, web_link

current = view.current()
ui.header(current, "page_sources")
t = current.t
catalog = current.catalog
sources = cached.source_counts(catalog)  # what was curated from each source
narrowed = bool(current.flt.provinces) or current.flt.years != current.default_years
if not st.toggle(t("srcs_all"), key="sources_all", value=not narrowed, help=t("srcs_all_help")):
    sources = sources.filter(pl.col("source_id").is_in(cached.filter_source_ids(catalog, current.flt)))
if sources.is_empty():
    ui.empty(current)
    ui.footer(current)
    view.stop()

st.subheader(t("src_table"))
st.dataframe(
    sources.select(
        queries.source_name(current.lang).alias(t("title")),
        pl.col("publisher").alias(t("publisher")),
        pl.col("published").str.split("-").list.reverse().list.join("/").alias(t("published")),
        # Only a well-formed web address becomes a link (text.web_link), as everywhere a url is shown.
        pl.col("url").map_elements(web_link, return_dtype=pl.String).alias(t("link")),
        pl.col("visits").alias(t("visits")),
        pl.col("observations").alias(t("observations")),
    ),
    hide_index=True,
    placeholder="—",
    column_config={t("link"): st.column_config.LinkColumn()},
)

names = cached.source_names(catalog, current.lang)  # no bare ids
labels = {source_id: names[source_id] for source_id in sources["source_id"]}
view.seed("source_pick", "nguon", list(labels), current.lang)  # a shared link's source
chosen = st.selectbox(
    t("src_pick"), list(labels), format_func=labels.__getitem__, key="source_pick", placeholder=t("choose")
)
view.keep("nguon", chosen)
src = sources.filter(pl.col("source_id") == chosen).row(0, named=True)
st.markdown(f"### {ui.plain(labels[chosen])}")  # an untitled source by its publisher, as in the list
st.markdown(ui.source_line(current, chosen) + (f" · {t('author')}: {ui.plain(src['author'])}" if src["author"] else ""))
notes = [n for n in (src["published_note"], src["province_note"]) if n]
if notes:
    st.caption(f"{t('src_notes')}: " + " ".join(ui.plain(n) for n in notes))
if src["corpus_file"]:  # where the stored text was taken from: the trace of a source with no link of its own
    st.caption(t("src_corpus_file", file=ui.plain(src["corpus_file"])))
st.markdown(
    t(
        "src_curated",
        visits=src["visits"],
        findings=src["findings"],
        observations=src["observations"],
        documents=src["documents"],
    )
)

quotes = cached.source_quotes(catalog, chosen)
# values read from a table cell have no passage to colour: listed by their cells (a curator's walk-through found none
# coloured and none listed)
mine = catalog.observations.filter(pl.col("source_id") == chosen)  # the pattern read on one source's values only
cells = mine.filter(pl.col("quote").str.contains(CELL_REFERENCE_PATTERN))
if cells.height:
    st.markdown(f"**{t('src_cells', n=fmt.number(cells.height, lang=current.lang))}**")
    labels = cached.place_labels(catalog, current.lang)  # each value's place: the row it was read from

    def place(scheme: str, province: str, district: str | None, commune: str | None) -> str:
        lower = commune or district
        return labels.get(lower, lower) if lower else current.registry.name(scheme, province)

    st.markdown(
        "\n".join(
            f"- {ui.plain(place(*where))} — {ui.plain(quote)}: **{ui.plain(fmt.number(value, lang=current.lang))}**"
            for *where, quote, value in cells.select(
                "scheme", "province_code", "district", "commune", "quote", "value"
            ).iter_rows()
        )
    )


st.markdown(f"**{t('src_text')}**")
stored = catalog.texts[chosen]
review.source_text(stored, quotes, [], current.lang, height=600)
if ends_mid_sentence(stored):  # "… giữa Ban dân vận với các c": an excerpt, not the whole article
    st.caption(t("src_cut"))
ui.footer(current)
