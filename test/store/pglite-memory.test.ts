import { openStore } from "../../src/store/index.js";
import { testStore } from "./contract.js";

testStore("PGlite in memory", { open: () => openStore({ dataDir: ":memory:", databaseUrl: null }) });
