import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local fakes of the outside channels, each on a port the OS picks (no outside network): a group robot
 * that speaks both 企业微信's and 钉钉's webhook, checking what the real one checks (key, signature,
 * timestamp, keywords, 20 a minute, 4,096 bytes) and counting what it accepted.
 */
export interface RobotMessage {
  kind: 'wecom' | 'dingtalk';
  key: string;
  text: string;
  title?: string;
}

export type RobotMode = 'ok' | 'fail500' | 'hang' | 'ratelimit';

export interface FakeRobot {
  url: string;
  wecomUrl(key: string): string;
  dingtalkUrl(token: string): string;
  /** Messages accepted, in order. */
  accepted: RobotMessage[];
  /** Requests that came in, accepted or not. */
  requests: number;
  mode: RobotMode;
  /** 钉钉 secret and keywords per access token; the clock the signature's timestamp is judged against. */
  dingtalk: Map<string, { secret: string; keywords: string[] }>;
  now: () => number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeRobot(): Promise<FakeRobot> {
  const hung: ServerResponse[] = [];
  const robot: FakeRobot = {
    url: '',
    wecomUrl: (key) => `${robot.url}/cgi-bin/webhook/send?key=${key}`,
    dingtalkUrl: (token) => `${robot.url}/robot/send?access_token=${token}`,
    accepted: [],
    requests: 0,
    mode: 'ok',
    dingtalk: new Map(),
    now: () => Date.now(),
    close: () =>
      new Promise((resolve) => {
        for (const r of hung) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const answer = (res: ServerResponse, errcode: number, errmsg = 'ok', status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode, errmsg }));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      robot.requests += 1;
      const mode = robot.mode; // as it was when the request arrived
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = await bodyOf(req);
      if (mode === 'hang') {
        hung.push(res);
        return;
      }
      if (mode === 'fail500') return answer(res, -1, 'system busy', 500);
      if (mode === 'ratelimit') return answer(res, 45009, 'api freq out of limit');
      const body = JSON.parse(raw) as {
        msgtype: string;
        markdown: { content?: string; title?: string; text?: string };
      };
      if (url.pathname === '/cgi-bin/webhook/send') {
        const key = url.searchParams.get('key') ?? '';
        if (key.startsWith('bad')) return answer(res, 93000, 'invalid webhook url');
        const content = body.markdown.content ?? '';
        if (body.msgtype !== 'markdown') return answer(res, 40008, 'invalid message type');
        if (Buffer.byteLength(content, 'utf8') > 4096) return answer(res, 40058, 'content exceed max length');
        robot.accepted.push({ kind: 'wecom', key, text: content });
        return answer(res, 0);
      }
      if (url.pathname === '/robot/send') {
        const token = url.searchParams.get('access_token') ?? '';
        const conf = robot.dingtalk.get(token);
        if (!conf) return answer(res, 300001, 'token is not exist');
        const ts = Number(url.searchParams.get('timestamp'));
        const sign = url.searchParams.get('sign') ?? '';
        const expected = createHmac('sha256', conf.secret).update(`${ts}\n${conf.secret}`).digest('base64');
        if (sign !== expected) return answer(res, 310000, 'sign not match');
        if (Math.abs(robot.now() - ts) > 3_600_000) return answer(res, 310000, 'invalid timestamp');
        const text = body.markdown.text ?? '';
        if (!conf.keywords.some((k) => text.includes(k))) return answer(res, 310000, 'keywords not in content');
        robot.accepted.push({ kind: 'dingtalk', key: token, text, title: body.markdown.title ?? '' });
        return answer(res, 0);
      }
      answer(res, 404, 'not found', 404);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  robot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return robot;
}

/** 阿里云短信's SendSms, checking the RPC signature v1 with the secret it was given. */
export interface FakeAliyun {
  url: string;
  sent: { phone: string; template: string; param: Record<string, string> }[];
  close(): Promise<void>;
}

export async function startFakeAliyun(accessKeySecret: string): Promise<FakeAliyun> {
  const pct = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const fake: FakeAliyun = {
    url: '',
    sent: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const params = Object.fromEntries(new URLSearchParams(await bodyOf(req)));
      const { Signature, ...rest } = params;
      const canonical = Object.keys(rest)
        .sort()
        .map((k) => `${pct(k)}=${pct(rest[k]!)}`)
        .join('&');
      const expected = createHmac('sha1', `${accessKeySecret}&`)
        .update(`POST&%2F&${pct(canonical)}`)
        .digest('base64');
      res.writeHead(200, { 'content-type': 'application/json' });
      if (Signature !== expected)
        return res.end(
          JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' }),
        );
      if (rest.PhoneNumbers === '13900000000')
        return res.end(JSON.stringify({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' }));
      fake.sent.push({
        phone: rest.PhoneNumbers!,
        template: rest.TemplateCode!,
        param: JSON.parse(rest.TemplateParam!) as Record<string, string>,
      });
      res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '1' }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return fake;
}
