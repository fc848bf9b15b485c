"""Draw the program's icon into resources/icons/ (SVG, PNGs, .ico, .icns).

The icon is a rounded square with 诺 (a promise) in white. The character's
outline is taken from the bundled Noto Sans SC Bold, so the SVG holds a path,
not text, and looks the same on a machine without Chinese fonts. Windows wants
an .ico and macOS an .icns; both are written here by hand (PNG entries), so no
image tool is needed on any build machine. Run again after changing the design:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
NAME = "smallbiz-codes"
BACKGROUND = "#1f6f5c"  # deep green: calm, reads as "trust", prints well in grey
FOREGROUND = "#ffffff"
ACCENT = "#f2b134"  # the small check mark: a promise kept
VIEW = 256.0
RADIUS = 52.0
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types that hold PNG data, by pixel size
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def _glyph_path():  # -> QPainterPath, in the 256×256 view box
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QFontDatabase, QPainterPath

    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources" / "fonts" / "NotoSansSC-Bold.ttf")
    )
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(140)
    font.setBold(True)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, "诺")
    box = path.boundingRect()
    # a little up and left of the middle, leaving the lower right corner to the check mark
    return path.translated(118 - box.center().x(), 116 - box.center().y())


def _check_points() -> list[tuple[float, float]]:
    return [(180.0, 204.0), (196.0, 220.0), (226.0, 188.0)]


def _svg_path_data(path) -> str:
    """QPainterPath → SVG path data (moves, lines and cubic curves)."""
    from PySide6.QtGui import QPainterPath

    out: list[str] = []
    i = 0
    n = path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            out.append(f"M{e.x:.2f} {e.y:.2f}")
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            out.append(f"L{e.x:.2f} {e.y:.2f}")
            i += 1
        else:  # CurveToElement followed by two CurveToDataElements
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 3
    return "".join(out) + "Z"


def make_svg(glyph) -> str:
    pts = " ".join(f"{x:.0f},{y:.0f}" for x, y in _check_points())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f'  <rect x="8" y="8" width="240" height="240" rx="{RADIUS:.0f}" fill="{BACKGROUND}"/>\n'
        f'  <path d="{_svg_path_data(glyph)}" fill="{FOREGROUND}" fill-rule="nonzero"/>\n'
        f'  <polyline points="{pts}" fill="none" stroke="{ACCENT}" stroke-width="14" '
        'stroke-linecap="round" stroke-linejoin="round"/>\n'
        "</svg>\n"
    )


def render_png(svg: str, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(buf.data())


def make_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (Vista and later read them)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def make_icns(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for size, kind in ICNS_TYPES.items():
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    svg = make_svg(_glyph_path())
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{NAME}.svg").write_text(svg, encoding="utf-8")
    pngs = {s: render_png(svg, s) for s in PNG_SIZES}
    for size, data in pngs.items():
        (OUT / f"{NAME}-{size}.png").write_bytes(data)
    (OUT / f"{NAME}.png").write_bytes(pngs[256])
    (OUT / f"{NAME}.ico").write_bytes(make_ico(pngs))
    (OUT / f"{NAME}.icns").write_bytes(make_icns(pngs))
    del app
    print(f"wrote {len(pngs) + 4} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
