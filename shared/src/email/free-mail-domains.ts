// Providers where a sender's domain says nothing about their employer, so a gmail.com
// sender never matches a company by domain. Country variants are listed explicitly.
const freeMailDomains = new Set([
  'gmail.com', 'googlemail.com',
  'outlook.com', 'outlook.es', 'outlook.it', 'outlook.pt', 'outlook.com.br', 'outlook.fr', 'outlook.de',
  'hotmail.com', 'hotmail.es', 'hotmail.it', 'hotmail.fr', 'hotmail.de', 'hotmail.co.uk', 'hotmail.com.br',
  'live.com', 'live.it', 'live.fr', 'live.co.uk', 'msn.com', 'passport.com',
  'yahoo.com', 'yahoo.es', 'yahoo.it', 'yahoo.fr', 'yahoo.de', 'yahoo.co.uk', 'yahoo.com.br', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aim.com',
  'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io',
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de',
  'mail.com', 'email.com', 'zoho.com', 'zohomail.com', 'fastmail.com', 'hushmail.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'rambler.ru',
  'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'daum.net',
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it',
  'terra.com.br', 'uol.com.br', 'bol.com.br', 'ig.com.br', 'sapo.pt',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr',
  'btinternet.com', 'sky.com', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'cox.net',
]);

export function isFreeMailDomain(domain: string): boolean {
  return freeMailDomains.has(domain.toLowerCase());
}
