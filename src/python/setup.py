"""Builds the pith module: the extension (ext/*.c) compiled together with
the library's own sources, read from the top CMakeLists.txt, so that
`pip install ./src/python` needs nothing built before; the libraries pith
uses come from pkg-config, as CMake finds them."""

import os
import re
import shlex
import subprocess

from concurrent.futures import ThreadPoolExecutor

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
DEPS = ["gumbo", "libcurl", "libutf8proc", "uchardet", "json-c", "zlib"]


def library_sources():
    """PITH_SOURCES of CMakeLists.txt, the one list of the library."""
    text = open(os.path.join(TOP, "CMakeLists.txt"), encoding="utf-8").read()
    m = re.search(r"set\(PITH_SOURCES(.*?)\)", text, re.S)
    if not m:
        raise SystemExit("setup.py: no PITH_SOURCES in CMakeLists.txt")
    return [os.path.join(TOP, s) for s in m.group(1).split()]


def pkg_config(flag, deps=DEPS):
    try:
        out = subprocess.run(["pkg-config", flag] + deps, check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise SystemExit("setup.py: pkg-config %s failed (%s); run "
                         "scripts/install-deps first" % (" ".join(DEPS), e))
    return shlex.split(out)


def link_args():
    """Gumbo linked in statically, and the module's calls bound to its own
    functions (-Bsymbolic): Gumbo's failed assert()s then reach the
    library's __assert_fail (see pith.h, "Gumbo's assertions"), which
    turns them into InternalError for the page.  Linked to libgumbo.so,
    they would reach the C library's first and abort the interpreter."""
    libdir = pkg_config("--variable=libdir", ["gumbo"])
    static = os.path.join(libdir[0] if libdir else "", "libgumbo.a")
    if not os.path.exists(static):
        raise SystemExit("setup.py: %s is missing (Debian's libgumbo-dev "
                         "has it)" % static)
    others = [d for d in DEPS if d != "gumbo"]
    return ([static, "-Wl,-Bsymbolic", "-Wl,--exclude-libs,ALL"] +
            pkg_config("--libs", others) + ["-lm", "-ldl"])


ext_sources = sorted(os.path.join("ext", f)
                     for f in os.listdir(os.path.join(HERE, "ext"))
                     if f.endswith(".c"))

class build_with_library(build_ext):
    """Compiles the library's sources (outside this directory, which
    setuptools does not take as an extension's sources) into objects
    linked with the extension, as many at once as there are cores."""

    def build_extension(self, ext):
        def one(src):
            return self.compiler.compile(
                [src], output_dir=self.build_temp, macros=ext.define_macros,
                include_dirs=ext.include_dirs,
                extra_postargs=ext.extra_compile_args)
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            objects = [o for objs in pool.map(one, library_sources())
                       for o in objs]
        ext.extra_objects = objects + list(ext.extra_objects or [])
        super().build_extension(ext)


pith_ext = Extension(
    "pith._pith",
    sources=ext_sources,
    include_dirs=[os.path.join(TOP, "include")],
    define_macros=[("_GNU_SOURCE", None), ("NDEBUG", None)],
    # As the CMake build's Release: the library's speed is the module's.
    # src/ by quoted includes only: its limits.h is not <limits.h>.
    extra_compile_args=pkg_config("--cflags") + [
        "-iquote", os.path.join(TOP, "src"), "-std=gnu11", "-O3",
        "-fvisibility=hidden"],
    extra_link_args=link_args(),
)

setup(ext_modules=[pith_ext], cmdclass={"build_ext": build_with_library})
