"""Article images are checked by content and re-encoded: no EXIF, at most 1600 px wide, a 400 px
thumbnail; too big, not-an-image, damaged and decompression bombs are refused clearly."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from publishing.images import process_image
from publishing.tests.conftest import jpeg_bytes


def _upload(content: bytes, name="anh.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def _exif_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x0132] = "2026:10:01 08:00:00"  # DateTime
    exif.get_ifd(0x8825)[2] = (22.0, 40.0, 0.0)  # GPSLatitude: where the photo was taken
    return exif.tobytes()


def test_a_big_photo_is_resized_to_1600_px_with_a_400_px_thumbnail_and_no_exif():
    processed = process_image(_upload(jpeg_bytes(3200, 2400, exif=_exif_with_gps())))
    image = Image.open(io.BytesIO(processed.image.read()))
    thumb = Image.open(io.BytesIO(processed.thumbnail.read()))
    assert (image.format, image.size) == ("JPEG", (1600, 1200))
    assert (processed.width, processed.height) == (1600, 1200)
    assert thumb.size == (400, 300)
    assert not image.getexif() and "exif" not in image.info
    assert not thumb.getexif()


def test_a_small_photo_keeps_its_size():
    processed = process_image(_upload(jpeg_bytes(640, 480)))
    assert Image.open(io.BytesIO(processed.image.read())).size == (640, 480)


def test_a_transparent_png_stays_png():
    buffer = io.BytesIO()
    Image.new("RGBA", (500, 200), (255, 0, 0, 0)).save(buffer, "PNG")
    processed = process_image(_upload(buffer.getvalue(), "logo.png"))
    assert processed.image.name.endswith(".png")
    assert Image.open(io.BytesIO(processed.image.read())).mode == "RGBA"


def test_a_webp_becomes_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (0, 120, 0)).save(buffer, "WEBP")
    processed = process_image(_upload(buffer.getvalue(), "anh.webp"))
    assert Image.open(io.BytesIO(processed.image.read())).format == "JPEG"


def _message(exc) -> str:
    return " ".join(exc.value.messages)


def test_an_image_over_10_mb_is_refused_before_it_is_opened():
    with pytest.raises(ValidationError) as error:
        process_image(_upload(jpeg_bytes() + b"\0" * (40 * 1024 * 1024)))
    assert "10 MB" in _message(error) and "40" in _message(error)


@pytest.mark.parametrize(
    "content, name",
    [
        (b"MZ\x90\x00\x03 this is a program", "anh.jpg"),
        (b"%PDF-1.4\n1 0 obj<<>>endobj", "anh.png"),
        ("Xin chào, đây là văn bản".encode(), "anh.gif"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "anh.svg"),
    ],
)
def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(content, name):
    with pytest.raises(ValidationError) as error:
        process_image(_upload(content, name))
    assert "không phải là ảnh" in _message(error)


def test_a_damaged_image_is_refused():
    with pytest.raises(ValidationError) as error:
        process_image(_upload(jpeg_bytes()[:600]))
    assert "hỏng" in _message(error)


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("width, height", [(100_000, 100_000), (10_000, 9_000)])
def test_a_decompression_bomb_is_refused(width, height):
    with pytest.raises(ValidationError) as error:
        process_image(_upload(_png_claiming(width, height), "bom.png"))
    assert "quá nhiều điểm ảnh" in _message(error)


def test_a_one_pixel_image_is_refused_as_a_photo_with_its_size_and_the_minimum():
    with pytest.raises(ValidationError) as error:
        process_image(_upload(jpeg_bytes(1, 1)))
    assert _message(error) == (
        "Ảnh có kích thước 1 × 1 điểm ảnh, quá nhỏ cho một bài viết: cần ít nhất 300 × 200 điểm ảnh. "
        "Hãy tải lên ảnh gốc, không phải ảnh thu nhỏ hay biểu tượng."
    )
    assert process_image(_upload(jpeg_bytes(300, 200))).width == 300
