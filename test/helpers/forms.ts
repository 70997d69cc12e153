// Request builders for form and JSON posts in tests.

export function form(fields: Record<string, string | string[]>, headers: Record<string, string> = {}): RequestInit {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } };
}

export function json(value: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', body: JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } };
}

export const VISITOR = {
  name: 'Wang Fang',
  email: 'wang.fang@example.cn',
  organisation: 'Shanghai Startup Lab',
  organisationType: 'startup',
  timezone: 'Asia/Shanghai',
  consent: 'yes',
  question: 'How do you pick pilot partners?',
};
