/**
 * Preloaded after @swc-node/register (`node -r @swc-node/register -r <this file>`).
 * Node resolves an extensionless require by trying the registered extensions in order,
 * and `.ts` is registered after `.json`: `./gazetteer/gazetteer` would then load the data
 * file gazetteer.json instead of gazetteer.ts beside it. Re-registering `.json` puts it
 * last, as Jest and tsx resolve. The forked service processes inherit this flag.
 */
import Module from 'node:module';

const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
const json = extensions['.json'];
delete extensions['.json'];
extensions['.json'] = json;
