// Loaded into node-gyp when npm builds a dependency from source (better-sqlite3 when its
// prebuilt binary cannot be downloaded); the project's .npmrc arranges it through npm's
// `node-options`. It points node-gyp at the headers of the Node that is running (a Node
// installed in /usr has them in /usr/include/node), so node-gyp downloads nothing.
//
// Why not `nodedir=/usr` in .npmrc: npm 11 warns `Unknown project config "nodedir"` on every
// command and npm 12 refuses it. node-gyp's own, warning-free way is the environment variable
// npm_package_config_node_gyp_nodedir (nodejs/node-gyp#3156); this sets it for node-gyp only.
import fs from "node:fs";
import path from "node:path";

const given =
  process.env.npm_config_nodedir || process.env.npm_package_config_node_gyp_nodedir || process.argv.some((a) => a.startsWith("--nodedir"));

/** The prefix of the running Node if it has the headers of exactly this version; otherwise node-gyp downloads them as usual. */
function ownHeaders() {
  const prefix = path.resolve(path.dirname(process.execPath), "..");
  const include = path.join(prefix, "include", "node");
  try {
    if (!fs.existsSync(path.join(include, "common.gypi"))) return undefined;
    const h = fs.readFileSync(path.join(include, "node_version.h"), "utf8");
    const part = (name) => new RegExp(`#define ${name}\\s+(\\d+)`).exec(h)?.[1];
    const version = `v${part("NODE_MAJOR_VERSION")}.${part("NODE_MINOR_VERSION")}.${part("NODE_PATCH_VERSION")}`;
    return version === process.version ? prefix : undefined;
  } catch {
    return undefined;
  }
}

if (!given) {
  const prefix = ownHeaders();
  if (prefix) process.env.npm_package_config_node_gyp_nodedir = prefix;
}
