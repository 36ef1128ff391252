#!/usr/bin/env python3
"""Fails when a module imports one that imports it back, directly or through others, in any
crate of the workspace. Reads `use` paths (crate::, super::, self:: and a parent's child::) as
text, ignoring `mod tests`; the compiler already forbids cycles between crates.

    python3 scripts/check-module-cycles.py
"""
import glob, os, re, sys

cycles = 0
def modpath(crate,f):
    rel=os.path.relpath(f,f'crates/{crate}/src')[:-3]
    parts=rel.split('/')
    if parts[-1] in('mod','lib','main'): parts=parts[:-1]
    return tuple(parts)
for crate in os.listdir('crates'):
    files=glob.glob(f'crates/{crate}/src/**/*.rs',recursive=True)
    mods={modpath(crate,f):f for f in files}
    edges={m:set() for m in mods}
    for m,f in mods.items():
        src=open(f).read()
        src=re.split(r'#\[cfg\(test\)\]\s*mod tests', src)[0]
        paths=re.findall(r'\b((?:crate|super|self)(?:::\w+)+)',src)
        for pre,body in re.findall(r'\b((?:crate|super|self)(?:::\w+)*)::\{([^}]*)\}',src):
            for name in re.findall(r'\w+',body): paths.append(pre+'::'+name)
        for child in re.findall(r'(?<![:\w])(\w+)::',src):
            if m+(child,) in mods: paths.append('self::'+child)
        for path in paths:
            parts=path.split('::')
            if parts[0]=='crate': base=()
            elif parts[0]=='self': base=m
            else:
                base=m if f.endswith(('mod.rs','lib.rs','main.rs')) else m[:-1]
                parts=parts[1:]
                while parts and parts[0]=='super': base=base[:-1]; parts=parts[1:]
                parts=['x']+parts
            cur=base; target=base if base in mods else None
            for p in parts[1:]:
                if cur+(p,) in mods: cur=cur+(p,); target=cur
                else: break
            if target and target!=m:
                edges[m].add(target)
    # find cycles (SCC)
    idx={};low={};st=[];on=set();res=[];c=[0]
    def sc(v):
        idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
        for w in edges[v]:
            if w not in idx: sc(w);low[v]=min(low[v],low[w])
            elif w in on: low[v]=min(low[v],idx[w])
        if low[v]==idx[v]:
            comp=[]
            while True:
                w=st.pop();on.discard(w);comp.append(w)
                if w==v:break
            if len(comp)>1: res.append(comp)
    sys.setrecursionlimit(10000)
    for v in edges:
        if v not in idx: sc(v)
    for comp in res:
        print(f"{crate}: these modules import each other: {', '.join('::'.join(x) for x in comp)}")
        cycles += 1
if cycles:
    sys.exit(1)
print("module imports: no cycles")
