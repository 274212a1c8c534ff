// PostGraphile 5 over the load test's database: the Amber preset (the
// recommended defaults), listening on loopback. The load script copies this
// file next to its node_modules.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: 16 },
    }),
  ],
  grafserv: { host: "127.0.0.1", port: Number(process.env.PGL_PORT || 15678), graphiql: false },
  grafast: { explain: false },
};
