import fs from 'node:fs';
import path from 'node:path';

// The pane's Portuguese is Brazil's: words and forms only European Portuguese uses must not come back.
const files = ['addin/src/i18n/messages.pt.ts', 'addin/src/i18n/errors/errors.pt.ts', 'addin/src/i18n/messages.sendchecks.pt.ts'];
const europeanOnly = [
  'Definições',
  'contacto',
  'contactos',
  'equipa',
  'equipas',
  'utilizador',
  'utilizadores',
  'registar',
  'registado',
  'registada',
  'ficheiro',
  'ficheiros',
  'telemóvel',
  'ecrã',
  'apelido',
  'morada',
  'descarregar',
  'guardar',
  'A carregar',
  'A importar',
];

const textOf = (file: string) => fs.readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
// Whole words: \b knows no accented letters, so the edges are any non-letter.
const wholeWord = (word: string) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu');

describe('Brazilian Portuguese', () => {
  it.each(files)('uses no European-Portuguese word in %s', (file) => {
    const text = textOf(file);
    expect(europeanOnly.filter((word) => wholeWord(word).test(text))).toEqual([]);
  });

  it.each(files)('says "está fazendo", not "está a fazer", in %s', (file) => {
    const progressive = [...textOf(file).matchAll(/(?<!\p{L})(?:estou|está|estão|estamos|continua|continuam) a \p{L}+r(?!\p{L})/giu)].map((match) => match[0]);
    expect(progressive).toEqual([]);
  });

  it('finds a European word when there is one', () => {
    expect(['A carregar o ficheiro…', 'Definições', 'Contactos'].map((text) => europeanOnly.some((word) => wholeWord(word).test(text)))).toEqual([true, true, true]);
    expect(['Carregando o arquivo…', 'Configurações', 'Contatos', 'Salvar'].map((text) => europeanOnly.some((word) => wholeWord(word).test(text)))).toEqual([false, false, false, false]);
  });
});
