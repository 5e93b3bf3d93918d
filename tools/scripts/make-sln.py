#!/usr/bin/env python3
"""Regenerates MeterFirmware.sln from the project files in the tree.

Solution configurations:
  Debug|Any CPU, Release|Any CPU            build the host projects (.csproj) only, so that
                                            `dotnet build` / `dotnet test` work with the plain SDK;
  Nano-Debug|Any CPU, Nano-Release|Any CPU  build the nanoFramework projects (.nfproj) only
                                            (Visual Studio / VS Code with the nanoFramework extension).
Run it after adding or removing a project:  python3 tools/scripts/make-sln.py
"""
import os, uuid, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CS_TYPE = "{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}"
NF_TYPE = "{11A8DD76-328B-46DF-9F39-F559912D0360}"
FOLDER_TYPE = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}"
TOP = ["firmware", "hal", "boards", "tools", "tests"]

def guid(seed):
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "meterfirmware/" + seed)).upper() + "}"

projects = []
for top in TOP:
    for p in sorted((ROOT / top).rglob("*")):
        if p.suffix in (".csproj", ".nfproj") and not any(part in ("bin", "obj", "artifacts") for part in p.parts):
            rel = p.relative_to(ROOT).as_posix()
            kind = "nf" if p.suffix == ".nfproj" else "cs"
            name = p.stem + (" (nano)" if kind == "nf" else "")
            projects.append((top, kind, name, rel, guid(rel)))

lines = ["", "Microsoft Visual Studio Solution File, Format Version 12.00",
         "# Visual Studio Version 17", "VisualStudioVersion = 17.0.31903.59",
         "MinimumVisualStudioVersion = 10.0.40219.1"]
folders = {top: guid("folder/" + top) for top in TOP}
for top, g in folders.items():
    lines += [f'Project("{FOLDER_TYPE}") = "{top}", "{top}", "{g}"', "EndProject"]
for top, kind, name, rel, g in projects:
    t = NF_TYPE if kind == "nf" else CS_TYPE
    lines += [f'Project("{t}") = "{name}", "{rel.replace("/", chr(92))}", "{g}"', "EndProject"]
configs = ["Debug|Any CPU", "Release|Any CPU", "Nano-Debug|Any CPU", "Nano-Release|Any CPU"]
lines += ["Global", "\tGlobalSection(SolutionConfigurationPlatforms) = preSolution"]
lines += [f"\t\t{c} = {c}" for c in configs]
lines += ["\tEndGlobalSection", "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution"]
for top, kind, name, rel, g in projects:
    for c in configs:
        nano = c.startswith("Nano-")
        proj_cfg = ("Release" if "Release" in c else "Debug") + "|Any CPU"
        lines.append(f"\t\t{g}.{c}.ActiveCfg = {proj_cfg}")
        if nano == (kind == "nf"):
            lines.append(f"\t\t{g}.{c}.Build.0 = {proj_cfg}")
            if kind == "nf":
                lines.append(f"\t\t{g}.{c}.Deploy.0 = {proj_cfg}")
lines += ["\tEndGlobalSection", "\tGlobalSection(SolutionProperties) = preSolution",
          "\t\tHideSolutionNode = FALSE", "\tEndGlobalSection",
          "\tGlobalSection(NestedProjects) = preSolution"]
for top, kind, name, rel, g in projects:
    lines.append(f"\t\t{g} = {folders[top]}")
lines += ["\tEndGlobalSection", "EndGlobal", ""]
(ROOT / "MeterFirmware.sln").write_text("\r\n".join(lines), encoding="utf-8-sig")
print(f"MeterFirmware.sln: {len(projects)} projects")
