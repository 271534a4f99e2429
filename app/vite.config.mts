import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // The client package is TypeScript source (packages/client/src): Vite compiles it with the app.
  build: { target: "es2022", chunkSizeWarningLimit: 2500, sourcemap: false },
  optimizeDeps: { include: ["buffer"] },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  server: { host: "127.0.0.1", port: 5173 },
});
