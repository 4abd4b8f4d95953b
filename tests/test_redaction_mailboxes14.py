"""An office's mailbox word before a person's name is the person's address (session 14): "info.budi@gmail.com"
was kept as an office's because its first piece is a mailbox's word."""

from __future__ import annotations

import pytest
from chalicelib.redaction import redact


@pytest.mark.parametrize(
    "address",
    ["info.budi@gmail.com", "admin_sari99@yahoo.com", "reservations.ketut@villa-asri.com", "cs.wulan@ymail.com"],
)
def test_a_mailbox_word_then_a_name_is_a_persons_address(address: str) -> None:
    out = redact(f"kalau ada info lanjut kirim ke {address} ya, makasih")
    assert address not in out and "[EMAIL]" in out, out


@pytest.mark.parametrize(
    "address", ["info@dlh.pasuruankota.go.id", "pengaduan.dlh@gmail.com", "humas.kota@gmail.com", "cs.pdam@gmail.com"]
)
def test_an_offices_mailbox_stays(address: str) -> None:
    out = redact(f"Silakan kirim bukti ke {address} pada jam kerja.")
    assert address in out, out
