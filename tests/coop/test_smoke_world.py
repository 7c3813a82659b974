from coop.conftest import World


def test_world_builds(world: World) -> None:
    assert set(world.owned) == {"GEO", "JOR"}
