import type { ChatRecord, SampleRecord } from './record-schema';

/**
 * A sample as one conversation for common fine-tuning tools: the open question of every level
 * in order, the image attached to the first. Paths are relative to sft/.
 */
export function chatRecord(record: SampleRecord, split: 'train' | 'val'): ChatRecord {
  const messages: ChatRecord['messages'] = [];
  for (const qa of record.qa) {
    if (qa.form !== 'open') continue;
    const question = messages.length === 0 ? `<image>${qa.question}` : qa.question;
    messages.push({ role: 'user', content: question }, { role: 'assistant', content: qa.answer });
  }
  return { images: [`../${record.image}`], messages, id: record.id, split };
}
