"""The log as static tiles (C2SP tlog-tiles): paths, bytes, and how long they may be cached."""

import pytest

from disclosure.regions.models import Region
from disclosure.transparency import merkle, services, tiles

from .conftest import grow, leaf
from .test_merkle import naive_root

LOG = "/log/990101000000"


@pytest.mark.parametrize(
    "index, written",
    [(0, "000"), (7, "007"), (999, "999"), (1000, "x001/000"), (1234067, "x001/x234/067")],
)
def test_tile_indexes_are_written_in_groups_of_three_digits(index, written):
    assert tiles.encode_index(index) == written
    assert tiles.parse(f"0/{written}") == tiles.Tile(0, index, 256)


@pytest.mark.parametrize(
    "path",
    [
        "0/1",
        "0/0000",
        "0/x000/001",  # not the shortest form
        "0/001/002",  # an x missing
        "01/000",
        "64/000",
        "0/000.p/0",
        "0/000.p/256",
        "0/000.p/07",
        "entries/000.p",
        "leaves/000",
    ],
)
def test_paths_not_written_as_the_spec_writes_them_name_no_tile(path):
    assert tiles.parse(path) is None


@pytest.fixture
def big_log(village_a):
    """600 leaves: two full tiles of leaf hashes and a partial one of 88."""
    services.append_many(village_data=[(village_a, leaf(village_a, s)) for s in range(1, 601)])
    return services.log_of(services.county_of(village_a))


def leaf_hashes(count):
    village = Region.objects.get(code="990101001001")
    return [merkle.leaf_hash(leaf(village, seq)) for seq in range(1, count + 1)]


def test_a_full_level_0_tile_is_256_leaf_hashes_cached_for_good(client, big_log):
    response = client.get(f"{LOG}/tile/0/001")

    assert response["Content-Type"] == "application/octet-stream"
    assert response.content == b"".join(leaf_hashes(600)[256:512])
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_partial_tile_holds_the_hashes_so_far_and_is_cached_briefly(client, big_log):
    response = client.get(f"{LOG}/tile/0/002.p/88")

    assert response.content == b"".join(leaf_hashes(600)[512:600])
    assert response["Cache-Control"] == "public, max-age=60"


def test_a_level_1_tile_holds_the_roots_of_full_level_0_tiles(client, big_log):
    hashes = leaf_hashes(600)

    response = client.get(f"{LOG}/tile/1/000.p/2")

    assert response.content == naive_root(hashes[:256]) + naive_root(hashes[256:512])


def test_tiles_the_log_cannot_fill_yet_are_not_found(client, big_log):
    assert client.get(f"{LOG}/tile/0/002").status_code == 404
    assert client.get(f"{LOG}/tile/0/002.p/89").status_code == 404
    assert client.get(f"{LOG}/tile/1/000").status_code == 404
    assert client.get(f"{LOG}/tile/0/x001/000").status_code == 404
    assert client.get(f"{LOG}/tile/0/00x").status_code == 404


def test_an_entry_bundle_is_each_leaf_with_its_length_in_two_bytes(client, big_log, village_a):
    response = client.get(f"{LOG}/tile/entries/002.p/3")

    expected = b""
    for seq in (513, 514, 515):
        data = leaf(village_a, seq)
        expected += len(data).to_bytes(2, "big") + data
    assert response.content == expected
    # "revision 990101001001 513 <64 hex digits>\n" is 91 bytes.
    assert response.content[:2] == b"\x00\x5b"


def test_the_tiles_rebuild_the_checkpoint_root(client, big_log):
    """A client holding only tiles recomputes the root, as tlog-tiles intends."""
    level0 = client.get(f"{LOG}/tile/0/000").content + client.get(f"{LOG}/tile/0/001").content
    level0 += client.get(f"{LOG}/tile/0/002.p/88").content
    hashes = [level0[i : i + 32] for i in range(0, len(level0), 32)]

    assert len(hashes) == 600
    assert naive_root(hashes) == bytes(big_log.root)


def test_a_county_log_serves_its_first_partial_tile_after_one_leaf(client, village_a):
    grow(village_a, 1)

    assert client.get(f"{LOG}/tile/0/000.p/1").content == leaf_hashes(1)[0]
