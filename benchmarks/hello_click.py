"""The peer for CLI start-up: the smallest useful click program."""

import click


@click.command()
def hello() -> None:
    click.echo("hello")


if __name__ == "__main__":
    hello()
