"""What a photo says besides its picture: EXIF (where it was taken -- GPS --, when, the camera's serial number, the
owner's name), XMP, IPTC, comments and text chunks. A person's photo is served without them to readers who are not
cleared for confidential records (docs/security.md, "Session 12 audit (outside)"); the stored original keeps them
for the archive. A PDF attachment likewise, without its document information and XMP (session 13, `_pdf`).

The picture's bytes are copied as they are (no decoding, no re-encoding, nothing lost); only the blocks that carry
metadata are left out. A file whose structure cannot be walked raises `Unreadable`: the caller serves nothing rather
than the original.
"""

import struct


class Unreadable(ValueError):
    pass


# JPEG segments kept: frame headers and tables (0xC0-0xCF: SOF, DHT, DAC), quantisation tables, restart interval,
# number of lines, APP0 (JFIF), APP2 (an ICC colour profile), APP14 (Adobe colour transform). Every other segment --
# EXIF and XMP (APP1), IPTC (APP13), the other application segments, comments, markers nobody defined -- is left out.
_JPEG_KEPT = set(range(0xC0, 0xD0)) | {0xDB, 0xDD, 0xDC, 0xE0, 0xE2, 0xEE}


def _jpeg(data):
    if not data.startswith(b"\xff\xd8"):
        raise Unreadable("not a JPEG")
    out, i = [b"\xff\xd8"], 2
    while True:
        if i + 2 > len(data) or data[i] != 0xFF:  # the end marker, the last two bytes of most files, has no length
            raise Unreadable("a JPEG segment is damaged")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xD9:  # the end of the picture: anything after it (a maker's trailer, a video) is left out
            out.append(data[i:i + 2])
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            out.append(data[i:i + 2])
            i += 2
            continue
        if i + 4 > len(data):
            raise Unreadable("a JPEG segment is damaged")
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if length < 2 or i + 2 + length > len(data):
            raise Unreadable("a JPEG segment is damaged")
        segment = data[i:i + 2 + length]
        if marker == 0xDA:  # start of scan: its header, then the picture's coded data up to the next marker
            out.append(segment)
            i = start = i + 2 + length
            while True:
                i = data.find(b"\xff", i)
                if i < 0 or i + 1 >= len(data):
                    raise Unreadable("a JPEG without its end")
                following = data[i + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    i += 1 if following == 0xFF else 2  # a stuffed byte, a restart marker, a fill byte
                    continue
                break
            out.append(data[start:i])
            continue  # a progressive picture has more tables and scans; what follows the end is left out
        if marker in _JPEG_KEPT:
            out.append(segment)
        i += 2 + length


# PNG chunks kept: the picture, its palette, transparency, colour and pixel size, and animation (APNG). Text, EXIF,
# time and every chunk not named here (a program's private chunk) are left out.
_PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP",
             b"bKGD", b"hIST", b"pHYs", b"sPLT", b"acTL", b"fcTL", b"fdAT"}


def _png(data):
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        raise Unreadable("not a PNG")
    out, i = [signature], len(signature)
    while i < len(data):
        if i + 12 > len(data):
            raise Unreadable("a PNG chunk is damaged")
        (length,) = struct.unpack(">I", data[i:i + 4])
        kind = data[i + 4:i + 8]
        end = i + 12 + length
        if end > len(data):
            raise Unreadable("a PNG chunk is damaged")
        if kind in _PNG_KEPT:
            out.append(data[i:end])
        i = end
        if kind == b"IEND":
            return b"".join(out)
    raise Unreadable("a PNG without its end")


def _webp(data):
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise Unreadable("not a WebP")
    chunks, i = [], 12
    while i + 8 <= len(data):
        kind = data[i:i + 4]
        (length,) = struct.unpack("<I", data[i + 4:i + 8])
        end = i + 8 + length + (length & 1)
        if i + 8 + length > len(data):
            raise Unreadable("a WebP chunk is damaged")
        if kind in (b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"):  # not EXIF, XMP, or unknown
            body = data[i:min(end, len(data))]
            if kind == b"VP8X" and length >= 1:  # clear the flags that announce EXIF (bit 3) and XMP (bit 2)
                body = body[:8] + bytes([body[8] & ~0x0C]) + body[9:]
            chunks.append(body)
        i = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _sub_blocks(data, i):
    """The end of a run of GIF data sub-blocks starting at i."""
    while True:
        if i >= len(data):
            raise Unreadable("a GIF block is damaged")
        size = data[i]
        i += 1 + size
        if size == 0:
            return i


def _gif(data):
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise Unreadable("not a GIF")
    flags = data[10]
    i = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:i]]
    while True:
        if i >= len(data):
            raise Unreadable("a GIF without its end")
        kind = data[i]
        if kind == 0x3B:
            out.append(data[i:i + 1])
            return b"".join(out)
        if kind == 0x21:  # an extension: graphic control and plain text kept; comments and applications left out
            if i + 2 > len(data):
                raise Unreadable("a GIF block is damaged")
            label = data[i + 1]
            end = _sub_blocks(data, i + 2)
            keep = label in (0xF9, 0x01) or (label == 0xFF and data[i + 3:i + 14] == b"NETSCAPE2.0")
            if keep:
                out.append(data[i:end])
            i = end
        elif kind == 0x2C:  # an image: descriptor, local colour table, LZW code size, data
            if i + 10 > len(data):
                raise Unreadable("a GIF block is damaged")
            local = data[i + 9]
            start = i + 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0)
            end = _sub_blocks(data, start + 1)
            out.append(data[i:end])
            i = end
        else:
            raise Unreadable("a GIF block is damaged")


# A PDF says who wrote it and with what besides its pages: the document information (/Info: author, title, subject,
# keywords, creator and producer tools, dates), XMP packets (/Metadata on the catalog, a page or an image: often the
# author's account name, the scanner's or phone's make, sometimes a GPS position), a program's private data
# (/PieceInfo), the authors and times of comments (/T, /M of an annotation other than a form field), the EXIF of
# photos placed in it (a JPEG image stream keeps its APP segments), and earlier revisions of all of these left in the
# file by incremental saves. The copy served to a reader not cleared for confidential records is written again from
# the live objects only (so earlier revisions are gone), without any of them, and with a new file identifier.
MAX_PDF_OBJECTS = 100_000  # a 10 MB PDF of real pages holds a few thousand; a file of tiny objects costs time
_PDF_KEYS_LEFT_OUT = ("/Metadata", "/PieceInfo", "/LastModified", "/AF")  # /AF: files associated with an object
_PDF_ANNOTATION_KEYS_LEFT_OUT = ("/T", "/M", "/CreationDate")  # the comment's author and times


def _pdf(data):
    import io
    import logging
    import os
    import zlib

    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, StreamObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF-"):
        raise Unreadable("not a PDF")
    if data.count(b"endobj") > MAX_PDF_OBJECTS:  # told before pypdf reads a table of them (seconds)
        raise Unreadable("a PDF of too many objects")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise Unreadable("an encrypted PDF")  # its metadata cannot be rewritten without its password
        objects = sum(len(numbers) for numbers in reader.xref.values()) + len(reader.xref_objStm)
        if objects > MAX_PDF_OBJECTS:
            raise Unreadable(f"a PDF of {objects:,} objects")
        writer = PdfWriter()
        writer.clone_reader_document_root(reader)  # the catalog and what it reaches: not /Info, not old revisions
        writer._info = None
        names = writer._root_object.get("/Names")
        if names is not None:
            names.get_object().pop("/EmbeddedFiles", None)  # files attached to the document, with their own metadata
        for obj in writer._objects:
            if not isinstance(obj, DictionaryObject):
                continue
            for key in _PDF_KEYS_LEFT_OUT:
                obj.pop(key, None)
            if obj.get("/Type") == "/Filespec":  # a file attached to a comment or the document: its bytes left out
                obj.pop("/EF", None)
                obj.pop("/RF", None)
            if obj.get("/Type") == "/EmbeddedFile":
                obj.pop("/Params", None)  # the attached file's own dates
                if isinstance(obj, StreamObject):
                    obj._data = b""
            if obj.get("/Type") == "/Annot" and obj.get("/Subtype") != "/Widget":  # a form field's /T is its name
                for key in _PDF_ANNOTATION_KEYS_LEFT_OUT:
                    obj.pop(key, None)
            if isinstance(obj, StreamObject):  # told from the bytes, not from names a damaged file may misspell
                _picture_without_metadata(obj)
                if obj._data.startswith(b"\xff\xd8") or b"Exif\x00" in obj._data[:64] \
                        or obj.get("/Filter") in ("/DCTDecode", ["/DCTDecode"]):
                    obj._data = _jpeg(obj._data)  # a photo placed in the PDF: its EXIF and trailers left out
                elif _is_jpeg2000(obj._data) or obj.get("/Filter") in ("/JPXDecode", ["/JPXDecode"]):
                    obj._data = _jpeg2000(obj._data)  # its XML, UUID (XMP, EXIF, GeoJP2) boxes and comments
                elif obj._data.lstrip()[:12] in (b"<?xpacket be", b"<x:xmpmeta x"):
                    obj._data = b""  # an XMP packet held under another name
        if len(writer.pages) != len(reader.pages):
            raise Unreadable("the pages of a PDF could not be copied")
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        writer._ID = ArrayObject([ByteStringObject(os.urandom(16)), ByteStringObject(os.urandom(16))])
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Unreadable:
        raise
    except (PyPdfError, RecursionError, MemoryError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OSError, ArithmeticError, AssertionError, zlib.error, struct.error) as error:
        # (a damaged file raises any of these inside pypdf; so would a pypdf whose private attributes changed: the
        # log tells the two apart)
        logging.getLogger(__name__).warning("PDF refused as damaged: %s", type(error).__name__, exc_info=True)
        raise Unreadable(f"a damaged PDF ({type(error).__name__})") from None


# Filters a picture may sit behind before its own (/DCTDecode, /JPXDecode): undone here, so the picture is walked.
_OUTER_FILTERS = ("/FlateDecode", "/Fl", "/ASCIIHexDecode", "/AHx", "/ASCII85Decode", "/A85")
_PICTURE_FILTERS = ("/DCTDecode", "/DCT", "/JPXDecode")


def _picture_without_metadata(obj):
    """A picture behind other filters (`/Filter [/FlateDecode /DCTDecode]`, session 13 left it whole): the outer
    filters undone (pypdf's decoders and their output limits), so that the stream is the picture alone under its own
    filter and is walked as one. A chain ending in a picture whose other filters are not these is refused."""
    from pypdf.filters import ASCII85Decode, ASCIIHexDecode, FlateDecode
    from pypdf.generic import NameObject, NullObject

    filters = obj.get("/Filter")
    if not isinstance(filters, list) or len(filters) < 2 or filters[-1] not in _PICTURE_FILTERS:
        return
    if any(name not in _OUTER_FILTERS for name in filters[:-1]):
        raise Unreadable("a picture behind filters that are not undone")
    parameters = obj.get("/DecodeParms")
    parameters = list(parameters) if isinstance(parameters, list) else [None] * len(filters)
    parameters += [None] * (len(filters) - len(parameters))
    data = obj._data
    for name, given in zip(filters[:-1], parameters):
        given = None if isinstance(given, NullObject) else given
        if name in ("/FlateDecode", "/Fl"):
            data = FlateDecode.decode(data, given)
        elif name in ("/ASCIIHexDecode", "/AHx"):
            data = ASCIIHexDecode.decode(data)
        else:
            data = ASCII85Decode.decode(data)
    obj._data = data
    obj[NameObject("/Filter")] = NameObject(filters[-1])
    last = parameters[-1]
    if last is None or isinstance(last, NullObject):
        obj.pop("/DecodeParms", None)
    else:
        obj[NameObject("/DecodeParms")] = last
    obj.pop("/DL", None)


def _is_jpeg2000(data):
    return data.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or data.startswith(b"\xff\x4f\xff\x51")


# JPEG 2000 boxes kept: the signature, file type, header (size, colour) and the codestream. Every other box -- XML
# (XMP), UUID (XMP, EXIF, a GeoJP2 position), intellectual property, UUID info -- is left out, and so are comments
# (COM) in the codestream's main header.
_JP2_KEPT = {b"jP  ", b"ftyp", b"jp2h", b"jp2c"}


def _jpeg2000(data):
    if data.startswith(b"\xff\x4f\xff\x51"):
        return _j2k(data)
    if not _is_jpeg2000(data):
        raise Unreadable("not a JPEG 2000 picture")
    out, i = [], 0
    while i < len(data):
        if i + 8 > len(data):
            raise Unreadable("a JPEG 2000 box is damaged")
        (length,) = struct.unpack(">I", data[i:i + 4])
        kind, head = data[i + 4:i + 8], 8
        if length == 1:  # a 64-bit length follows
            if i + 16 > len(data):
                raise Unreadable("a JPEG 2000 box is damaged")
            (length,) = struct.unpack(">Q", data[i + 8:i + 16])
            head = 16
        elif length == 0:  # the last box, to the end of the file
            length = len(data) - i
        if length < head or i + length > len(data):
            raise Unreadable("a JPEG 2000 box is damaged")
        if kind == b"jp2c":  # the codestream, without its comments: the box's length told anew
            body = _j2k(data[i + head:i + length])
            if data[i:i + 4] == b"\x00\x00\x00\x00":
                out.append(data[i:i + head] + body)
            elif head == 8:
                out.append(struct.pack(">I", 8 + len(body)) + kind + body)
            else:
                out.append(struct.pack(">I", 1) + kind + struct.pack(">Q", 16 + len(body)) + body)
        elif kind in _JP2_KEPT:
            out.append(data[i:i + length])
        i += length
    return b"".join(out)


def _j2k(data):
    """A JPEG 2000 codestream without the comments (COM) of its main header (up to the first tile)."""
    if not data.startswith(b"\xff\x4f"):
        raise Unreadable("a JPEG 2000 codestream is damaged")
    out, i = [b"\xff\x4f"], 2
    while True:
        if i + 4 > len(data) or data[i] != 0xFF:
            raise Unreadable("a JPEG 2000 codestream is damaged")
        marker = data[i + 1]
        if marker == 0x90:  # the first tile: the rest is the picture
            out.append(data[i:])
            return b"".join(out)
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if length < 2 or i + 2 + length > len(data):
            raise Unreadable("a JPEG 2000 codestream is damaged")
        if marker != 0x64:  # COM
            out.append(data[i:i + 2 + length])
        i += 2 + length


STRIPPERS = {"image/jpeg": _jpeg, "image/png": _png, "image/webp": _webp, "image/gif": _gif,
             "application/pdf": _pdf}


def without_metadata(data, media_type):
    """The file without its metadata (photos and PDFs); any other kind is returned as it is."""
    strip = STRIPPERS.get(media_type)
    if strip is None:
        return data
    try:
        return strip(data)
    except (IndexError, struct.error) as error:
        raise Unreadable(str(error)) from None
