// A writable that collects everything written, for format tests.
import { Writable } from 'node:stream';
import { OutputSink } from '../../source/output/output-sink.js';

export function collectingSink(): { sink: OutputSink; text: () => Promise<string> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const sink = new OutputSink(stream);
  return {
    sink,
    text: async () => {
      await sink.flush();
      return chunks.join('');
    },
  };
}
