"""Images drawn for the demo agency: an emblem and portrait placeholders (no real person's photo is used)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

_PALETTE = [(31, 92, 153), (20, 54, 95), (138, 90, 0), (30, 107, 52), (90, 60, 120), (120, 40, 40)]


def emblem_png() -> bytes:
    size = 256
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=(184, 134, 11), outline=(20, 54, 95), width=14)
    draw.ellipse((56, 56, size - 56, size - 56), fill=(255, 255, 255), outline=(20, 54, 95), width=6)
    # a stylised golden lotus / rice-ear motif
    for dx in (-40, 0, 40):
        draw.ellipse((size // 2 + dx - 16, 86, size // 2 + dx + 16, 170), fill=(184, 134, 11))
    draw.rectangle((size // 2 - 60, 168, size // 2 + 60, 180), fill=(20, 54, 95))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def portrait_jpeg(seed: int) -> bytes:
    """A neutral silhouette on a coloured background, 280×340."""
    rng = random.Random(seed)  # noqa: S311 - decoration only
    bg = _PALETTE[rng.randrange(len(_PALETTE))]
    image = Image.new("RGB", (280, 340), bg)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 150) for c in bg)
    draw.ellipse((90, 60, 190, 170), fill=light)
    draw.ellipse((40, 180, 240, 420), fill=light)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def activity_photo_jpeg(seed: int, *, with_gps: bool = True) -> bytes:
    """A landscape-like picture. With ``with_gps`` it carries EXIF GPS tags, as a phone photo would;
    uploading it proves that the published copy has none."""
    rng = random.Random(seed)  # noqa: S311 - decoration only
    image = Image.new("RGB", (960, 640), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380, 960, 640), fill=(70, 140, 60))
    for _ in range(12):
        x = rng.randrange(0, 900)
        draw.rectangle((x, 300, x + 40, 400), fill=(110, 80, 50))
        draw.ellipse((x - 30, 230, x + 70, 330), fill=(40, 110, 40))
    draw.ellipse((780, 60, 880, 160), fill=(250, 220, 90))
    out = io.BytesIO()
    exif = Image.Exif()
    if with_gps:
        exif[0x8825] = {1: "N", 2: (16.0, 1.0, 12.0), 3: "E", 4: (101.0, 26.0, 19.0)}
        exif[0x010F] = "DemoPhone"
    image.save(out, format="JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def document_pdf(title_ascii: str, pages: int = 1) -> bytes:
    """A small real PDF (drawn with Pillow) to attach to demo news."""
    frames = []
    for page in range(pages):
        image = Image.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(image)
        draw.rectangle((80, 80, 1160, 200), outline=(20, 54, 95), width=6)
        draw.text((110, 120), f"{title_ascii} - page {page + 1}", fill=(0, 0, 0))
        for line in range(30):
            draw.line((110, 300 + line * 44, 1130, 300 + line * 44), fill=(200, 200, 200), width=2)
        frames.append(image)
    out = io.BytesIO()
    frames[0].save(out, format="PDF", save_all=True, append_images=frames[1:], resolution=150)
    return out.getvalue()
