import os
import sys
from pathlib import Path

# The README's environment, made by its install command beside the code.
_PROJECT_PYTHON = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"

try:
    from .cli import main
except ModuleNotFoundError as missing:  # "python -m danvan validate data" with the system's Python, which has no Polars
    # The command line run with another Python goes on in the README's environment when there is one (once only).
    if sys.orig_argv[1:3] == ["-m", "danvan"] and _PROJECT_PYTHON.exists() and "DANVAN_REEXEC" not in os.environ:
        os.environ["DANVAN_REEXEC"] = "1"
        os.execv(_PROJECT_PYTHON, [str(_PROJECT_PYTHON), *sys.orig_argv[1:]])
    raise ModuleNotFoundError(
        f"Thiếu gói {missing.name}: hãy chạy trong môi trường cài theo README (`source .venv/bin/activate`, hoặc "
        f"`.venv/bin/python -m danvan …`) / missing package {missing.name}: run in the README's environment",
        name=missing.name,
    ) from missing

raise SystemExit(main())
