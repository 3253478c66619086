import type { enPreferences } from './messages.preferences.en';

export const esPreferences: Record<keyof typeof enPreferences, string> = {
  'preferences.heading': 'Mis preferencias',
  'preferences.help': 'Rapport tomó tu zona horaria y tu idioma de Outlook al iniciar sesión. Cámbialos aquí.',
  'preferences.digest': 'Enviarme cada mañana el plan de mi día',
  'preferences.quoteAnswer': 'Enviarme un correo cuando un cliente responda a mi presupuesto',
  'preferences.quoteAnswerHelp': 'Mi día lo muestra de todos modos; el correo te llega también lejos de Outlook.',
  'preferences.digestHelp': 'Tus reuniones con las oportunidades de cada cliente, las tareas para hoy y vencidas, las oportunidades que cierran este mes y el ritmo de tus objetivos. Los responsables reciben además lo vencido en su equipo.',
  'preferences.hour': 'Enviarlo a partir de',
  'preferences.timeZone': 'Zona horaria',
  'preferences.timeZoneUnset': 'Sin definir (UTC)',
  'preferences.language': 'Idioma del correo',
  'preferences.languageUnset': 'Sin definir (inglés)',
  'preferences.save': 'Guardar preferencias',
  'preferences.saved': 'Preferencias guardadas.',
  'preferences.reload': 'Cargar las preferencias guardadas',
  'preferences.sentAt': 'Llega una vez al día, entre las {from} y las {to} de tu hora.',
  'preferences.memberDigest': '{name} recibe cada mañana por correo el plan de su día',
};
