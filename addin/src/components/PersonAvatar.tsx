import { Avatar, type AvatarProps } from '@fluentui/react-components';
import { readableName } from './person-name';

/** A person's initials in a colour kept for them (from their address, as Outlook does), never a photo. */
export function PersonAvatar({ name, email, size = 32 }: { name: string | null; email: string | null; size?: AvatarProps['size'] }) {
  const shown = name ? readableName(name) : (email ?? '');
  return <Avatar name={shown} color="colorful" idForColor={email ?? shown} size={size} aria-hidden />;
}
