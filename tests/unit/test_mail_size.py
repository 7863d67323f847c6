"""The size of a mail with files, as the mail server counts it (portal.mail.size)."""

from __future__ import annotations

import base64

import pytest

from portal.mail.size import (
    HEADERS_AND_TEXT,
    MailTooLarge,
    check_fits,
    encoded_size,
    mail_size,
    room_for_files,
)


@pytest.mark.parametrize("data_size, expected", [
    (0, 0), (1, 6), (3, 6), (57, 78), (58, 84), (1_000_000, 1_368_424),
])
def test_base64_takes_four_characters_per_three_bytes_and_a_line_break_per_76(data_size,
                                                                             expected):
    assert encoded_size(data_size) == expected


def test_the_estimate_equals_what_pythons_mail_encoder_writes_with_crlf():
    data = bytes(range(256)) * 400  # 102,400 bytes
    wire = base64.encodebytes(data).replace(b"\n", b"\r\n")
    assert encoded_size(len(data)) == len(wire) == 140_130


def test_a_mail_adds_a_margin_for_its_text_and_each_part():
    assert mail_size([]) == HEADERS_AND_TEXT == 65_536
    assert mail_size([1_000_000, 3]) == 65_536 + 1_024 + 1_368_424 + 1_024 + 6 == 1_436_014


def test_nine_megabytes_of_files_do_not_fit_in_a_ten_megabyte_mail():
    with pytest.raises(MailTooLarge) as refused:
        check_fits([9 * 1024 * 1024], 10)
    assert (refused.value.size, refused.value.limit) == (12_980_602, 10_000_000)
    check_fits([9 * 1024 * 1024], 13)  # no exception


def test_the_room_for_files_fits_and_a_line_more_does_not():
    room = room_for_files(10)
    assert room == 7_259_007
    check_fits([room], 10)
    with pytest.raises(MailTooLarge):
        check_fits([room + 57], 10)
    assert room_for_files(1) == 682_119
