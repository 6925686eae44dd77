"""docker/: the start commands of the compose file and the image, run here without Docker,
and the compose file's services checked against the ``assurance`` command line."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

import migrations
from api.cli import app
from api.settings import Settings
from bench.live_server import serve, server_environment

DOCKER = Path(__file__).parents[2] / "docker"
IMAGE = "assurance-records:latest"
# The commands the compose file gives the migration service and the API replicas.
MIGRATE = ["db", "upgrade"]
SERVE = ["serve", "--host", "0.0.0.0", "--port", "8000"]


def dockerfile_instructions() -> dict[str, str]:
    """The last of each instruction of docker/Dockerfile's final stage, by name, with
    continuation lines joined."""
    text = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    logical = re.sub(r"\\\n\s*", " ", text).splitlines()
    found: dict[str, str] = {}
    for line in logical:
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, rest = line.strip().partition(" ")
            found[name.upper()] = rest.strip()
    return found


def healthcheck_command(port: int) -> list[str]:
    """The image's HEALTHCHECK command, pointed at ``port``, on this interpreter."""
    check = dockerfile_instructions()["HEALTHCHECK"]
    command: list[str] = json.loads(check.split(" CMD ", 1)[1])
    assert command[0] == "python", "the image has python and no curl"
    return [sys.executable, *(arg.replace(":8000/", f":{port}/") for arg in command[1:])]


def test_the_image_runs_the_api_as_the_compose_file_does() -> None:
    instructions = dockerfile_instructions()
    assert json.loads(instructions["ENTRYPOINT"]) == ["assurance"]
    assert json.loads(instructions["CMD"]) == SERVE
    assert instructions["USER"].split(":")[0] not in ("0", "root")
    assert "/readyz" in instructions["HEALTHCHECK"]


def test_migrate_then_serve_as_in_the_compose_file(database_url: str, tmp_path: Path) -> None:
    """The migration service's command on an empty database, then a replica's command on a
    free port: ready, answering, and healthy by the image's own check."""
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url)
    environment = server_environment(settings)
    assurance = [sys.executable, "-m", "api.cli"]
    for _ in range(2):  # the migration service runs on every `up`: again, it changes nothing
        migrated = subprocess.run(
            [*assurance, *MIGRATE], env=environment, capture_output=True, text=True, timeout=120
        )
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        assert f"at revision {migrations.head_revision()}" in migrated.stdout

    def replica(port: int, workers: int) -> list[str]:
        command = [*assurance, *SERVE]
        command[command.index("--host") + 1] = "127.0.0.1"
        command[command.index("--port") + 1] = str(port)
        return command

    with serve(settings, 1, tmp_path / "serve.log", command=replica) as server:
        answer = httpx.post(server.url, json={"query": "{ themes { code } }"}, timeout=30)
        assert answer.status_code == 200 and "errors" not in answer.json()
        port = httpx.URL(server.url).port
        assert port is not None
        check = subprocess.run(healthcheck_command(port), capture_output=True, timeout=30)
        assert check.returncode == 0, check.stderr
    refused = subprocess.run(healthcheck_command(port), capture_output=True, timeout=30)
    assert refused.returncode != 0  # and once the server is gone, unhealthy


def compose_services() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text(encoding="utf-8"))
    services: dict[str, Any] = compose["services"]
    return services


def test_compose_services_run_real_assurance_commands() -> None:
    services = compose_services()
    ours = {name: s for name, s in services.items() if s.get("image") == IMAGE}
    assert set(ours) == {"migrate", "api-1", "api-2"}
    runner = CliRunner()
    for name, service in ours.items():
        assert service["build"]["dockerfile"] == "docker/Dockerfile"
        command = service["command"]
        result = runner.invoke(app, [*command, "--help"])  # an unknown command or option: 2
        assert result.exit_code == 0, f"{name}: assurance {shlex.join(command)}: {result.output}"
    assert ours["migrate"]["command"] == MIGRATE
    assert ours["migrate"]["restart"] == "no"
    replicas = {name: s for name, s in ours.items() if name != "migrate"}
    volumes = set()
    for name, service in replicas.items():
        assert service["command"] == SERVE, name
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert not service.get("ports"), f"{name}: only the proxy publishes a port"
        (volume,) = service["volumes"]
        assert volume.endswith(":/data"), name
        volumes.add(volume)
    assert len(volumes) == len(replicas), "each replica has a volume of its own for its index"


def test_the_proxy_sends_requests_to_every_replica_when_ready() -> None:
    services = compose_services()
    replicas = {n for n, s in services.items() if s.get("command") == SERVE}
    proxy = services["proxy"]
    assert len(proxy["ports"]) == 1
    assert set(proxy["depends_on"]) == replicas
    caddyfile = (DOCKER / "Caddyfile").read_text(encoding="utf-8")
    upstreams = re.search(r"reverse_proxy ([^{\n]+)\{", caddyfile)
    assert upstreams is not None
    assert set(upstreams[1].split()) == {f"{name}:8000" for name in replicas}
    assert re.search(r"health_uri /readyz\n", caddyfile)
