"""Find the tools the stack needs (java, mvn) and say what to install when one is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from netra.stack.errors import StackError


def java_binary(java_home: Path | None, minimum: int, purpose: str) -> Path:
    """The `java` to run `purpose` with, checked to be at least version `minimum`."""
    if java_home is not None:
        candidate = java_home / "bin" / "java"
        if not candidate.is_file():
            raise StackError(
                f"No java at {candidate} (needed for {purpose}).",
                "Point the variable at a JDK home, or unset it to use `java` from PATH.",
            )
        java = candidate
    else:
        found = shutil.which("java")
        if found is None:
            raise StackError(
                f"Java {minimum}+ is not installed (needed for {purpose}).",
                f"Install it: apt-get install -y openjdk-{minimum}-jre-headless",
            )
        java = Path(found)
    version = java_major(java)
    if version < minimum:
        raise StackError(
            f"{java} is Java {version}; {purpose} needs Java {minimum}+.",
            f"Install openjdk-{minimum}-jre-headless or set NETRA_JAVA_HOME to a newer JDK.",
        )
    return java


def java_major(java: Path) -> int:
    """The major version `java -version` reports (0 if unreadable)."""
    out = subprocess.run(
        [str(java), "-version"], capture_output=True, text=True, check=False
    ).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def es_java(java_home: Path) -> Path:
    """The JDK Elasticsearch 9 runs on (21+; Temurin 25 by default)."""
    if not (java_home / "bin" / "java").is_file():
        raise StackError(
            f"Elasticsearch 9 needs a JDK 21+ at {java_home}, and there is none.",
            "Install Temurin 25 (apt-get install temurin-25-jdk from Adoptium's repository) "
            "or set NETRA_ES_JAVA_HOME to a JDK 21+ home.",
        )
    return java_binary(java_home, 21, "Elasticsearch 9")


def maven() -> Path:
    """The `mvn` that resolves Kafka and Elasticsearch from Maven Central."""
    found = shutil.which("mvn")
    if found is None:
        raise StackError(
            "Maven (mvn) is not installed; Netra fetches Kafka and Elasticsearch with it.",
            "Install it: apt-get install -y maven",
        )
    return Path(found)
