"""Evidence highlighting: offsets into the original field, HTML and Markdown escaping."""

from __future__ import annotations

from netra.case.highlight import (
    Span,
    escape_markdown,
    highlight_html,
    highlight_markdown,
    usable_spans,
)


def _span(text: str, excerpt: str, feature: str = "f") -> Span:
    start = text.index(excerpt)
    return Span(start=start, end=start + len(excerpt), features=[feature])


def test_html_marks_the_span_and_escapes_everything() -> None:
    text = 'Pilih <script>alert("x")</script> & coblos nomor 2!'
    out = highlight_html(text, [_span(text, "coblos nomor 2", 'vote"call')])
    assert out.endswith('<mark title="vote&quot;call">coblos nomor 2</mark>!')
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out


def test_html_escapes_inside_the_mark() -> None:
    text = "dukung <02> ya"
    out = highlight_html(text, [_span(text, "<02>")])
    assert '<mark title="f">&lt;02&gt;</mark>' in out


def test_offsets_count_code_points_after_emoji() -> None:
    text = "\U0001f1ee\U0001f1e9\U0001f44d Salam dua jari"
    span = _span(text, "dua jari")
    assert text[span.start : span.end] == "dua jari"
    assert highlight_html(text, [span]).endswith('<mark title="f">dua jari</mark>')


def test_overlapping_spans_merge_and_bad_spans_drop() -> None:
    text = "coblos nomor 2 sekarang"
    spans = [Span(start=0, end=12, features=["a"]), Span(start=7, end=14, features=["b"])]
    spans += [Span(start=5, end=99, features=["out"]), Span(start=4, end=4, features=["empty"])]
    merged = usable_spans(text, spans)
    assert merged == [Span(start=0, end=14, features=["a", "b"])]
    assert highlight_html(text, spans) == '<mark title="a, b">coblos nomor 2</mark> sekarang'


def test_markdown_bold_with_escaping_and_trimmed_edges() -> None:
    text = "pakai *twibbon* #02_menang  lalu"
    start = text.index("#02")
    out = highlight_markdown(text, [Span(start=start - 1, end=start + 10, features=["tag"])])
    assert out == r"pakai \*twibbon\* **#02\_menang**  lalu"


def test_markdown_escape_neutralises_links_and_block_markers() -> None:
    assert escape_markdown("a[b](c) <img>") == r"a\[b\](c) \<img\>"
    assert escape_markdown("# judul\n1. satu\n- dua") == "\\# judul  \n\\1. satu  \n\\- dua"
    assert escape_markdown("baris1\nbaris2") == "baris1  \nbaris2"
