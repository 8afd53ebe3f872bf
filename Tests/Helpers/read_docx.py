#!/usr/bin/env python3
"""Reads a .docx with python-docx (an independent reader) and prints what the tests check as
JSON: the sections' page size and margins (in twips), every paragraph's style and text, each
style's fonts and size, the footers' text and the odd/even footer setting.

    read_docx.py FILE.docx [REFERENCE_OUT.docx]

With a second argument it instead writes python-docx's own default document there, to serve
as a reference .docx (Letter size, its own styles).
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def twips(length):
    return None if length is None else round(length.twips)


def main():
    if len(sys.argv) == 3:
        d = docx.Document()
        d.add_paragraph("reference")
        d.save(sys.argv[2])
        return
    d = docx.Document(sys.argv[1])
    sections = []
    for s in d.sections:
        sections.append({
            "width": twips(s.page_width), "height": twips(s.page_height),
            "top": twips(s.top_margin), "bottom": twips(s.bottom_margin),
            "left": twips(s.left_margin), "right": twips(s.right_margin),
            "odd_footer": "".join(p.text for p in s.footer.paragraphs),
            "even_footer": "".join(p.text for p in s.even_page_footer.paragraphs),
            "odd_footer_fields": s.footer._element.xml.count("PAGE"),
        })
    styles = {}
    for st in d.styles:
        if st.type != 1:  # paragraph styles
            continue
        rpr = st.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        color = rpr.find(qn("w:color")) if rpr is not None else None
        ppr = st.element.pPr
        spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
        styles[st.style_id] = {
            "east_asia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
            "ascii": fonts.get(qn("w:ascii")) if fonts is not None else None,
            "size": st.font.size.pt if st.font.size is not None else None,
            "color": color.get(qn("w:val")) if color is not None else None,
            "line": spacing.get(qn("w:line")) if spacing is not None else None,
            "line_rule": spacing.get(qn("w:lineRule")) if spacing is not None else None,
        }
    paragraphs = [{"style": p.style.style_id if p.style is not None else None, "text": p.text} for p in d.paragraphs]
    settings = d.settings.element
    print(json.dumps({
        "sections": sections, "styles": styles, "paragraphs": paragraphs,
        "even_and_odd": settings.find(qn("w:evenAndOddHeaders")) is not None,
        "title": d.core_properties.title,
    }, ensure_ascii=False))


main()
