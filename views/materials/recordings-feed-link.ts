// The recordings feed as pages announce it (<link rel="alternate">) and link to it.
export const RECORDINGS_FEED = { type: 'application/atom+xml', href: '/recordings.atom', title: 'New recordings and slides' } as const;
