// Redocly plugin holding the rules and decorators that encode the Scalingo
// conventions Redocly's built-in rules cannot express.

import headForGet from './decorators/head-for-get.js';
import dateFields from './rules/date-fields.js';
import errorResponses from './rules/error-responses.js';
import explicitSecurity from './rules/explicit-security.js';
import httpsServers from './rules/https-servers.js';
import paginationMeta from './rules/pagination-meta.js';
import rootedEnvelope from './rules/rooted-envelope.js';
import verbBodies from './rules/verb-bodies.js';

export default function scalingoPlugin() {
  return {
    id: 'scalingo',
    rules: {
      oas3: {
        'rooted-envelope': rootedEnvelope,
        'date-fields': dateFields,
        'pagination-meta': paginationMeta,
        'error-responses': errorResponses,
        'explicit-security': explicitSecurity,
        'verb-bodies': verbBodies,
        'https-servers': httpsServers,
      },
    },
    decorators: {
      oas3: {
        'head-for-get': headForGet,
      },
    },
  };
}
