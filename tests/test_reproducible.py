"""A second run reproduces the committed notebook files byte for byte.

nbval compares every notebook's outputs (text and, see ``conftest.py``, PNG images);
this test adds the whole file: no timestamps or other run-specific bytes are saved.
"""
from ningbo_openness import paths
from ningbo_openness.publishing.notebooks import execute


def test_rerun_notebook_is_byte_identical(tmp_path):
    source = paths.NOTEBOOKS / "exercises" / "e1_recover_the_base.ipynb"
    execute(source, tmp_path / source.name)
    assert (tmp_path / source.name).read_bytes() == source.read_bytes()
