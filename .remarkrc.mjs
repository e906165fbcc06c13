// remark-cli's settings for `npm run lint:links`: links to files and #headings checked offline.
// `repository: false`: no guessing of a GitHub remote; links to github.com are not followed.
import validateLinks from 'remark-validate-links';

export default { plugins: [[validateLinks, { repository: false }]] };
