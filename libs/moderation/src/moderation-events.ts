export const userRoom = (userId: string) => `user:${userId}`;
