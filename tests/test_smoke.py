def test_org_fixture_builds_paths(org):
    assert org.a.room.path.startswith(org.a.unit.path)
    assert org.a.unit.path.startswith(org.province.path)
    assert org.a.room.depth == 2
