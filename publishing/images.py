"""Article images: checked by content, re-encoded with Pillow (so nothing but pixels survives:
no EXIF, no GPS position, no embedded payload), at least 300 × 200 px, at most 1600 px wide, with a
400 px thumbnail."""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.uploads import GIF, JPEG, PNG, WEBP, check_upload

MAX_IMAGE_MB = 10
MAX_WIDTH = 1600
THUMBNAIL_WIDTH = 400
# An icon or a tracking pixel is no photo for an article: smaller than this is refused with its size.
MIN_WIDTH = 300
MIN_HEIGHT = 200
# A 10 MB file may still claim a huge canvas (a "decompression bomb"): refuse above 50 megapixels.
MAX_PIXELS = 50_000_000


@dataclass
class ProcessedImage:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def _size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def _bomb() -> ValidationError:
    return ValidationError(
        _(
            "The image claims more pixels than can be opened safely (a “decompression bomb”). "
            "Save it at a normal size, for example 3000 pixels wide, and upload it again."
        )
    )


def _open(file) -> Image.Image:
    """Open and decode the image, refusing bombs and damaged files with a clear message."""
    damaged = ValidationError(_("The image is damaged or incomplete and cannot be opened."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)  # reads the header only
    except Image.DecompressionBombError as exc:
        raise _bomb() from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise damaged from exc
    if image.width * image.height > MAX_PIXELS:
        raise _bomb()
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise damaged from exc
    return image


def _encode(image: Image.Image, width: int, keep_alpha: bool) -> tuple[bytes, str]:
    if image.width > width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if keep_alpha:
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue(), "png"
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue(), "jpg"


def process_image(file) -> ProcessedImage:
    """Check an uploaded image and re-encode it; raise ValidationError with a clear message
    when it is too big, not an image, damaged or a decompression bomb."""
    size = _size(file)
    if size > MAX_IMAGE_MB * 1024 * 1024:
        raise ValidationError(
            _("The image is %(size).1f MB; images may be at most %(limit)d MB.")
            % {"size": size / 1024 / 1024, "limit": MAX_IMAGE_MB}
        )
    try:
        check_upload(file, {JPEG, PNG, GIF, WEBP}, max_mb=MAX_IMAGE_MB)
    except ValidationError as exc:
        raise ValidationError(
            _("The file is not an image. Upload a photo in JPEG, PNG, GIF or WebP format.")
        ) from exc
    file.seek(0)
    source = _open(file)
    file.seek(0)
    if source.width < MIN_WIDTH or source.height < MIN_HEIGHT:
        raise ValidationError(
            _(
                "The image is %(width)d × %(height)d pixels, too small for an article: it must be at least "
                "%(min_width)d × %(min_height)d pixels. Upload the original photo, not a thumbnail or an icon."
            )
            % {
                "width": source.width,
                "height": source.height,
                "min_width": MIN_WIDTH,
                "min_height": MIN_HEIGHT,
            }
        )
    if getattr(source, "n_frames", 1) > 1:
        source.seek(0)  # animated GIF/WebP: the first frame
    source = ImageOps.exif_transpose(source)
    has_alpha = source.mode in ("RGBA", "LA") or (source.mode == "P" and "transparency" in source.info)
    source = source.convert("RGBA" if has_alpha else "RGB")
    image_bytes, ext = _encode(source, MAX_WIDTH, has_alpha)
    thumb_bytes, _ext = _encode(source, THUMBNAIL_WIDTH, has_alpha)
    name = uuid.uuid4().hex
    width = min(source.width, MAX_WIDTH)
    height = (
        source.height
        if source.width <= MAX_WIDTH
        else max(1, round(source.height * MAX_WIDTH / source.width))
    )
    return ProcessedImage(
        image=ContentFile(image_bytes, name=f"{name}.{ext}"),
        thumbnail=ContentFile(thumb_bytes, name=f"{name}-400.{ext}"),
        width=width,
        height=height,
    )
