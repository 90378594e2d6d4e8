#!/usr/bin/env python3
"""Read and fill a fillable leaflet's form with real readers, for the Rust tests.

    pdf_forms.py fields PDF            # JSON: every page's widgets with their entries
    pdf_forms.py fill PDF OUT TEXT     # type TEXT into every field with pdfium (Chrome's
                                       # engine), save OUT, render each page with a field
                                       # to OUT-pdfium-N.png; JSON: the values pdfium kept
    pdf_forms.py ink PDF               # JSON: per field, the share of dark pixels inside
                                       # its box as pdfium and as poppler (pdftoppm) draw it

Needs pypdf, pypdfium2 and Pillow (PyPI), and poppler's pdftoppm; .ci/run
installs them.
"""
import ctypes
import json
import sys

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as raw


def fields(path):
    reader = pypdf.PdfReader(path)
    pages = []
    for number, page in enumerate(reader.pages):
        widgets = []
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Widget":
                continue
            widgets.append({
                "name": a.get("/T"),
                "tooltip": a.get("/TU"),
                "type": a.get("/FT"),
                "flags": int(a.get("/F", 0)),
                "field_flags": int(a.get("/Ff", 0)),
                "rect": [float(v) for v in a["/Rect"]],
                "value": a.get("/V"),
                "da": a.get("/DA"),
                "has_appearance": "/AP" in a and "/N" in a["/AP"],
                "struct_parent": a.get("/StructParent"),
            })
        pages.append({
            "page": number,
            "media_box": [float(v) for v in page.mediabox],
            "tabs": page.get("/Tabs"),
            "widgets": widgets,
        })
    root = reader.trailer["/Root"]
    form = root.get("/AcroForm")
    out = {"pages": pages, "acro_form": None}
    if form is not None:
        form = form.get_object()
        fonts = form["/DR"]["/Font"]
        out["acro_form"] = {
            "fields": len(form["/Fields"]),
            "need_appearances": bool(form.get("/NeedAppearances", False)),
            "da": form.get("/DA"),
            "fonts": {k: fonts[k].get_object().get("/Subtype") for k in fonts},
        }
    print(json.dumps(out, ensure_ascii=False))


def fill(path, out, text):
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    env = pdf.formenv.raw
    typed = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    wide = ctypes.cast(typed, ctypes.POINTER(raw.FPDF_WCHAR))
    rendered = []
    for number in range(len(pdf)):
        handle = pdf[number]
        page = handle.raw
        count = raw.FPDFPage_GetAnnotCount(page)
        filled = 0
        for i in range(count):
            annot = raw.FPDFPage_GetAnnot(page, i)
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                raw.FPDFPage_CloseAnnot(annot)
                continue
            rect = raw.FS_RECTF()
            raw.FPDFAnnot_GetRect(annot, rect)
            raw.FPDFPage_CloseAnnot(annot)
            x = (rect.left + rect.right) / 2
            y = (rect.bottom + rect.top) / 2
            raw.FORM_OnLButtonDown(env, page, 0, x, y)
            raw.FORM_OnLButtonUp(env, page, 0, x, y)
            raw.FORM_SelectAllText(env, page)
            raw.FORM_ReplaceSelection(env, page, wide)
            raw.FORM_ForceToKillFocus(env)
            filled += 1
        if filled:
            name = f"{out}-pdfium-{number + 1}.png"
            handle.render(scale=1.5, may_draw_forms=True).to_pil().save(name)
            rendered.append(name)
    pdf.save(out)
    values = [
        w["value"]
        for p in json.loads(capture(fields, out))["pages"]
        for w in p["widgets"]
    ]
    print(json.dumps({"values": values, "rendered": rendered}, ensure_ascii=False))


def ink(path):
    """How much of each field's inside is dark, in pdfium's and poppler's pictures."""
    import os
    import subprocess
    import tempfile
    from PIL import Image

    scale = 2.0
    layout = json.loads(capture(fields, path))
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in layout["pages"]:
            if not page["widgets"]:
                continue
            number = page["page"]
            pictures = {
                "pdfium": pdf[number].render(scale=scale, may_draw_forms=True).to_pil(),
            }
            stem = os.path.join(tmp, "p")
            subprocess.run(
                ["pdftoppm", "-r", str(int(72 * scale)), "-png", "-f", str(number + 1),
                 "-l", str(number + 1), "-singlefile", path, stem],
                check=True,
            )
            pictures["poppler"] = Image.open(stem + ".png")
            height = page["media_box"][3]
            for w in page["widgets"]:
                x0, y0, x1, y1 = w["rect"]

                def box(inset):
                    return (int((x0 + inset) * scale), int((height - y1 + inset) * scale),
                            int((x1 - inset) * scale), int((height - y0 - inset) * scale))

                shares = {}
                for engine, picture in pictures.items():
                    grey = picture.convert("L")
                    # Inside the border, by two points: the text.
                    inside = grey.crop(box(2)).histogram()
                    shares[engine] = sum(inside[:128]) / max(1, sum(inside))
                    # The border: the box's top edge, half a point in.
                    edge = grey.crop(box(0.5)).crop((0, 0, int((x1 - x0 - 1) * scale), 1)).histogram()
                    shares[engine + "_border"] = sum(edge[:220]) / max(1, sum(edge))
                out.append({"name": w["name"], **shares})
    print(json.dumps(out, ensure_ascii=False))


def capture(function, *args):
    import io
    from contextlib import redirect_stdout
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        function(*args)
    return buffer.getvalue()


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"fields": fields, "fill": fill, "ink": ink}[command](*rest)
