import type { enPreferences } from './messages.preferences.en';

export const ptPreferences: Record<keyof typeof enPreferences, string> = {
  'preferences.heading': 'Minhas preferências',
  'preferences.help': 'O Rapport pegou seu fuso horário e seu idioma do Outlook quando você entrou. Altere-os aqui.',
  'preferences.digest': 'Enviar por e-mail o plano do meu dia toda manhã',
  'preferences.quoteAnswer': 'Enviar um e-mail quando um cliente responder à minha proposta',
  'preferences.quoteAnswerHelp': 'Meu dia mostra isso de qualquer forma; o e-mail chega a você também longe do Outlook.',
  'preferences.digestHelp': 'Suas reuniões com os negócios de cada cliente, tarefas para hoje e atrasadas, negócios que fecham este mês e o ritmo das suas metas. Gerentes recebem também o que está atrasado na equipe.',
  'preferences.hour': 'Enviar a partir de',
  'preferences.timeZone': 'Fuso horário',
  'preferences.timeZoneUnset': 'Não definido (UTC)',
  'preferences.language': 'Idioma do e-mail',
  'preferences.languageUnset': 'Não definido (inglês)',
  'preferences.save': 'Salvar preferências',
  'preferences.saved': 'Preferências salvas.',
  'preferences.reload': 'Carregar as preferências salvas',
  'preferences.sentAt': 'Chega uma vez por dia, entre {from} e {to} no seu horário.',
  'preferences.memberDigest': '{name} recebe toda manhã por e-mail o plano do dia',
};
