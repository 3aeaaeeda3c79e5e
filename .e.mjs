import { PGlite } from "@electric-sql/pglite";
let t=Date.now(); const d = new PGlite(); await d.waitReady; console.log("mem", Date.now()-t);
await d.exec("create table x(a int)");
t=Date.now(); const dump = await d.dumpDataDir("none"); console.log("dump", Date.now()-t, dump.size);
for (let i=0;i<3;i++){ t=Date.now(); const e = new PGlite({ loadDataDir: dump }); await e.waitReady; console.log("load", Date.now()-t, (await e.query("select count(*) from x")).rows); await e.close(); }
t=Date.now(); const c = await d.clone(); console.log("clone", Date.now()-t);
for (let i=0;i<3;i++){ t=Date.now(); const e = new PGlite(); await e.waitReady; console.log("mem", Date.now()-t); await e.close(); }
