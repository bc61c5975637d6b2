import { ApiError } from '../lib/client';
import {
  followUp,
  lookup,
  pointForm,
  sendPhoneCode,
  submit,
  type Lookup,
  type PointForm,
  type Submission,
} from './api';
import { h, mount } from './dom';
import { rankingPage } from './ranking';

/**
 * The citizens' page (好差评), opened from a point's QR code: /r/<point code>[?case=<办件编号>] to
 * rate, /q/<lookup code> (or /q to type one) to follow the case and give the one follow-up; and
 * /p/ranking[/<id>], the ranking the office published.
 */
const app = document.getElementById('app')!;
const [, kind = '', code = ''] = location.pathname.split('/');

const errorBox = (e: unknown) =>
  h('div', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : '网络异常，请检查网络后重试');

async function ratePage(point: string) {
  let form: PointForm;
  try {
    form = await pointForm(point);
  } catch (e) {
    mount(app, h('header', {}, h('h1', {}, '服务评价')), errorBox(e));
    return;
  }
  document.title = `评价：${form.unitName}`;
  const state: Submission & { stars: number } = {
    stars: 0,
    tags: [],
    comment: '',
    caseNo: new URLSearchParams(location.search).get('case') ?? undefined,
  };
  // The SMS code's countdown: seconds until the number may ask again, one timer for the page.
  let wait = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let codeButton: HTMLButtonElement | null = null;
  let sentNote = '';
  const codeLabel = () => (wait > 0 ? `${wait} 秒后重发` : '获取验证码');
  const countdown = (seconds: number) => {
    wait = seconds;
    clearInterval(timer);
    timer = setInterval(() => {
      wait -= 1;
      if (codeButton) {
        codeButton.textContent = codeLabel();
        codeButton.disabled = wait > 0;
      }
      if (wait <= 0) clearInterval(timer);
    }, 1000);
  };
  const render = (problem?: unknown) => {
    const level = form.levels.find((l) => l.stars === state.stars);
    const bad = level?.bad ?? false;
    const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
    const comment = h('textarea', {
      maxlength: String(form.commentMax),
      placeholder: '请写下您的意见或建议（选填）',
      'aria-label': '评价意见',
      oninput: (ev: Event) => {
        state.comment = (ev.target as HTMLTextAreaElement).value;
        count.textContent = `${state.comment.length}/${form.commentMax}`;
      },
    });
    (comment as HTMLTextAreaElement).value = state.comment;
    const count = h('div', { class: 'count' }, `${state.comment.length}/${form.commentMax}`);
    const phone = h('input', {
      type: 'tel',
      inputmode: 'numeric',
      maxlength: '11',
      placeholder: '选填：手机号，仅用于回访',
      'aria-label': '手机号码',
      oninput: (ev: Event) => (state.phone = (ev.target as HTMLInputElement).value.trim() || undefined),
    });
    (phone as HTMLInputElement).value = state.phone ?? '';
    const codeInput = h('input', {
      inputmode: 'numeric',
      maxlength: '6',
      autocomplete: 'one-time-code',
      placeholder: '6 位验证码',
      'aria-label': '短信验证码',
      oninput: (ev: Event) => (state.phoneCode = (ev.target as HTMLInputElement).value.trim() || undefined),
    });
    (codeInput as HTMLInputElement).value = state.phoneCode ?? '';
    const askCode = h(
      'button',
      {
        class: 'secondary',
        disabled: wait > 0 ? '' : undefined,
        onclick: async (ev: Event) => {
          const button = ev.target as HTMLButtonElement;
          button.disabled = true;
          try {
            const r = await sendPhoneCode(state.phone ?? '');
            countdown(r.resendSeconds);
            sentNote = `验证码已发送，${r.expiresInMinutes} 分钟内有效`;
            render();
          } catch (e) {
            render(e);
          }
        },
      },
      codeLabel(),
    );
    codeButton = askCode as HTMLButtonElement;
    const verify = form.requireVerifiedPhone
      ? h(
          'div',
          {},
          h('label', {}, '短信验证码（留电话时必填）'),
          h('div', { class: 'code-row' }, codeInput, askCode),
          sentNote ? h('p', { class: 'hint', role: 'status' }, sentNote) : null,
        )
      : null;
    const caseNo = h('input', {
      placeholder: '选填：办件编号（一事一评）',
      'aria-label': '办件编号',
      oninput: (ev: Event) => (state.caseNo = (ev.target as HTMLInputElement).value.trim() || undefined),
    });
    (caseNo as HTMLInputElement).value = state.caseNo ?? '';
    const send = h(
      'button',
      {
        class: 'primary',
        disabled: state.stars === 0 || (bad && !state.reason) ? '' : undefined,
        onclick: async (ev: Event) => {
          (ev.target as HTMLButtonElement).disabled = true;
          try {
            const body: Submission = { stars: state.stars, tags: state.tags, comment: state.comment };
            if (bad && state.reason) body.reason = state.reason;
            if (bad && state.phone) body.phone = state.phone;
            if (bad && state.phone && form.requireVerifiedPhone && state.phoneCode) body.phoneCode = state.phoneCode;
            if (state.caseNo) body.caseNo = state.caseNo;
            const done = await submit(point, body);
            thanks(done.lookupCode, done.held);
          } catch (e) {
            render(e);
          }
        },
      },
      '提交评价',
    );
    mount(
      app,
      h('header', {}, h('h1', {}, form.unitName), h('p', {}, form.pointName)),
      problem ? errorBox(problem) : null,
      h(
        'section',
        {},
        h('h2', {}, '请对本次服务作出评价'),
        h(
          'div',
          { class: 'levels', role: 'radiogroup', 'aria-label': '评价等级' },
          ...form.levels.map((l) =>
            h(
              'button',
              {
                'aria-pressed': String(state.stars === l.stars),
                onclick: () => {
                  state.stars = l.stars;
                  if (!l.bad) state.reason = undefined;
                  render();
                },
              },
              l.label,
            ),
          ),
        ),
        h('label', {}, '涉及方面（可多选）'),
        h(
          'div',
          { class: 'chips' },
          ...form.tags.map((t) =>
            h(
              'button',
              {
                'aria-pressed': String(state.tags.includes(t)),
                onclick: () => {
                  state.tags = toggle(state.tags, t);
                  render();
                },
              },
              t,
            ),
          ),
        ),
        bad
          ? h(
              'div',
              {},
              h('label', {}, '不满意的原因（必选）'),
              h(
                'div',
                { class: 'chips', role: 'radiogroup', 'aria-label': '不满意的原因' },
                ...form.badReasons.map((r) =>
                  h(
                    'button',
                    {
                      'aria-pressed': String(state.reason === r),
                      onclick: () => {
                        state.reason = r;
                        render();
                      },
                    },
                    r,
                  ),
                ),
              ),
              h('label', {}, '回访电话'),
              phone,
              verify,
            )
          : null,
        h('label', {}, '意见建议'),
        comment,
        count,
        h('label', {}, '办件编号'),
        caseNo,
        send,
      ),
      h(
        'p',
        { class: 'muted' },
        form.periodDays === 1
          ? '同一手机每天可对本评价点评价一次。'
          : `同一手机每 ${form.periodDays} 天可对本评价点评价一次。`,
        '不满意的评价将转交单位整改，您可凭查询码查看答复并追加评价。',
      ),
    );
  };
  render();
}

function thanks(lookupCode: string, held: boolean) {
  window.scrollTo(0, 0);
  mount(
    app,
    h('header', {}, h('h1', {}, '感谢您的评价')),
    h(
      'section',
      {},
      h('p', {}, held ? '评价已收到，将在核实后计入。' : '评价已提交。'),
      h('p', {}, '您的查询码：'),
      h('div', { class: 'code', 'data-testid': 'lookup-code' }, lookupCode),
      h('p', { class: 'muted' }, '请截图或记下查询码，凭它查看单位的答复并追加评价。'),
      h('a', { class: 'secondary', href: `/q/${lookupCode}` }, '查看办理进度'),
    ),
  );
}

async function lookupPage(initial: string) {
  const ask = (problem?: unknown) => {
    const input = h('input', { placeholder: '请输入 10 位查询码', 'aria-label': '查询码', maxlength: '10' });
    mount(
      app,
      h('header', {}, h('h1', {}, '评价查询')),
      problem ? errorBox(problem) : null,
      h(
        'section',
        {},
        input,
        h(
          'button',
          { class: 'primary', onclick: () => void show((input as HTMLInputElement).value.trim().toUpperCase()) },
          '查询',
        ),
      ),
    );
  };
  const show = async (c: string, problem?: unknown) => {
    let v: Lookup;
    try {
      v = await lookup(c);
    } catch (e) {
      ask(e);
      return;
    }
    history.replaceState(null, '', `/q/${c}`);
    let note = '';
    const verdict = async (satisfied: boolean) => {
      try {
        await followUp(c, satisfied, note);
        await show(c);
      } catch (e) {
        await show(c, e);
      }
    };
    mount(
      app,
      h('header', {}, h('h1', {}, v.unitName), h('p', {}, v.pointName)),
      problem ? errorBox(problem) : null,
      h(
        'section',
        {},
        h(
          'dl',
          {},
          h('dt', {}, '评价'),
          h('dd', {}, `${v.level}（${v.ratedOn}）`),
          h('dt', {}, '状态'),
          h('dd', {}, h('span', { class: 'state', 'data-testid': 'state' }, v.stateLabel)),
          ...(v.deadline ? [h('dt', {}, '整改期限'), h('dd', {}, v.deadline)] : []),
        ),
      ),
      v.answer
        ? h(
            'section',
            {},
            h('h2', {}, '单位答复'),
            h('div', { class: 'answer', 'data-testid': 'answer' }, v.answer.text),
          )
        : v.bad
          ? h('p', { class: 'muted' }, '单位正在整改，答复后可在此查看。')
          : null,
      v.canFollowUp
        ? h(
            'section',
            {},
            h('h2', {}, '对答复满意吗？（只能追评一次）'),
            h('textarea', {
              placeholder: '补充说明（选填）',
              'aria-label': '追评说明',
              oninput: (ev: Event) => (note = (ev.target as HTMLTextAreaElement).value),
            }),
            h(
              'div',
              { class: 'row' },
              h('button', { class: 'secondary', onclick: () => void verdict(true) }, '满意'),
              h('button', { class: 'secondary', onclick: () => void verdict(false) }, '不满意'),
            ),
          )
        : null,
      v.followUp !== 'none'
        ? h(
            'p',
            { class: 'muted' },
            v.followUp === 'satisfied' ? '您已追评：满意。' : '您已追评：不满意，事项已退回单位重新办理。',
          )
        : null,
    );
  };
  if (initial) await show(initial.toUpperCase());
  else ask();
}

if (kind === 'p' && code === 'ranking') void rankingPage(app, location.pathname.split('/')[3] ?? '', errorBox);
else if (kind === 'r' && code) void ratePage(code);
else void lookupPage(kind === 'q' ? code : '');
