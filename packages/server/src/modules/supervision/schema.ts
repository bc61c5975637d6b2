import { z } from 'zod';
import { INSTRUCTION_TEXT_MAX, URGE_MESSAGE_MAX } from '@leitai/core';
import { ZRequired, ZText } from '../../http/schemas.js';

/** 催办: an optional line to the unit. */
export const ZUrge = z.object({ message: ZText('催办说明', URGE_MESSAGE_MAX).default('') });
/** 批示 and 回复: the text is the point, so it is required. */
export const ZInstruct = z.object({ text: ZRequired('批示内容', INSTRUCTION_TEXT_MAX) });
export const ZAnswer = z.object({ text: ZRequired('回复内容', INSTRUCTION_TEXT_MAX) });
export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
