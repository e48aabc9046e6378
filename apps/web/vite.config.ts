import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [sveltekit()],
  build: {
    rolldownOptions: {
      treeshake: {
        // The domain defines its Schemas at the top of its modules (`Schema.Struct(…)`, `Schema.String.pipe(…)`,
        // `class … extends Schema.Class(…)`): pure calls the bundler cannot see as pure, so every one a page
        // imports a module of would stay. Said pure, the ones a page never uses are dropped (the record form's
        // preview needs a few, not the domain's whole contract).
        manualPureFunctions: ["Schema"],
      },
    },
  },
});
