"""make publish's SITEURL: the addresses a site can be published at, and what is none."""

import pytest

from explainer.build.stages import site_address


@pytest.mark.parametrize("address", ["https://example.org", "https://example.org/news/2026", "http://127.0.0.1:8765",
                                     "https://bücher.example", "https://xn--bcher-kva.example", "http://[::1]:8000",
                                     "HTTPS://example.org", "https://example.org/a%20b", "https://example.org/"])
def test_an_address_a_site_can_have(address: str):
    assert site_address(address)


@pytest.mark.parametrize("address", ["notaurl", "www.example.org", "javascript:alert(1)", "ftp://example.org",
                                     "https://exa mple.org", "https://example.org?x=1", "https://example.org#top",
                                     "https://", "https://-", "https://example.org:99999", 'https://ex"ample.org'])
def test_what_is_no_address_of_a_site(address: str):
    assert not site_address(address)
