/**
 * FOMO's appendix 一 (附录一：错误码; docs/providers/fomo.md, Replies and errors), complete, with the kind
 * each code maps to and messages in English and the seed's Chinese.
 *
 * The appendix lists 201 twice: "临时验证令牌错误" (temporary verification token error) and
 * "接入方交易ID trade_id重复" (duplicate trade_id). A pay return is the only place an extension sees
 * a code in a URL, so the table keeps 201 = duplicate trade_id (what the content script decodes);
 * an API reply with 201 uses FOMO_API_CODE_OVERRIDES instead.
 */
import type { PlatformErrorEntry } from '../types';

/** Status 1 is success in every FOMO reply and pay return; it is not an error. */
export const FOMO_SUCCESS_STATUS = 1;
export const FOMO_SUCCESS_TEXT = { en: 'Success', zh: '成功' } as const;

export const FOMO_ERROR_CODES: Record<string, PlatformErrorEntry> = {
  '0': { kind: 'invalid_input', en: 'Missing parameters', zh: '参数不足' },
  '2': { kind: 'auth_expired', en: 'User is not signed in', zh: '用户未登录' },
  '3': {
    kind: 'auth_expired',
    en: 'Session invalid or user does not exist',
    zh: 'session错误或用户不存在',
  },
  '5': { kind: 'platform', en: 'Internal error', zh: '内部错误' },
  '6': { kind: 'platform', en: 'Status code does not exist', zh: '状态码不存在' },
  '7': { kind: 'signature', en: 'Signature error', zh: '签名错误' },
  '8': { kind: 'timestamp_skew', en: 'Signature expired (timestamp too old)', zh: '签名过期' },
  '11': { kind: 'invalid_input', en: 'Wrong user name', zh: '用户名错误' },
  '12': { kind: 'invalid_input', en: 'Wrong password', zh: '密码错误' },
  '13': { kind: 'invalid_input', en: 'Invalid phone number format', zh: '手机格式错误' },
  '14': { kind: 'invalid_input', en: 'Invalid email format', zh: '邮箱格式错误' },
  '15': { kind: 'duplicate', en: 'Phone number already registered', zh: '手机已注册' },
  '16': { kind: 'duplicate', en: 'Email already registered', zh: '邮箱已注册' },
  '17': { kind: 'invalid_input', en: 'Invalid base64 string', zh: 'base64 string格式错误' },
  '18': {
    kind: 'invalid_input',
    en: 'Invalid image format: only png and jpg',
    zh: '图片格式错误，只支持png和jpg',
  },
  '19': { kind: 'duplicate', en: 'This FOMO id is already taken', zh: '该fomo id已被占用' },
  '21': { kind: 'invalid_input', en: 'Coin not supported', zh: '不支持该币种' },
  '22': { kind: 'platform', en: 'Cannot allocate an address', zh: '无法分配地址' },
  '23': { kind: 'not_found', en: 'Coin does not exist', zh: '不存在的币' },
  '24': { kind: 'insufficient_funds', en: 'Insufficient balance', zh: '余额不足' },
  '25': { kind: 'platform', en: 'Fund password not set', zh: '未设置资金密码' },
  '26': { kind: 'invalid_input', en: 'Wrong fund password', zh: '资金密码错误' },
  '41': { kind: 'platform', en: 'RongCloud (messaging) error', zh: '融云错误' },
  '51': { kind: 'invalid_input', en: 'Invalid group name', zh: '群组名格式错误' },
  '52': { kind: 'not_found', en: 'Group does not exist', zh: '群组不存在' },
  '53': { kind: 'duplicate', en: 'Already joined this group', zh: '重复加入该群' },
  '54': { kind: 'permission', en: 'No permission for this operation', zh: '没有操作权限' },
  '55': { kind: 'invalid_input', en: 'Invalid price format', zh: 'price格式错误' },
  '56': { kind: 'invalid_input', en: 'Invalid coin_id format', zh: 'coin_id格式错误' },
  '57': { kind: 'invalid_input', en: 'Invalid note length', zh: '备注长度有误' },
  '58': { kind: 'not_found', en: 'User is not in this group', zh: '该用户不在此群组' },
  '59': {
    kind: 'duplicate',
    en: 'User is already an admin of this group',
    zh: '该用户已经是此群组管理员',
  },
  '61': { kind: 'invalid_input', en: 'Invalid red-packet amount', zh: '红包金额错误' },
  '62': {
    kind: 'not_found',
    en: 'No red packet or transfer to claim',
    zh: '没有可领取的红包或转账',
  },
  '63': {
    kind: 'permission',
    en: 'Not allowed to claim this red packet or transfer',
    zh: '没有权限领取红包或转账',
  },
  '64': { kind: 'platform', en: 'Red packet or transfer expired', zh: '红包或转账过期' },
  '65': { kind: 'invalid_input', en: 'Invalid wrap value', zh: '非法wrap值' },
  '66': {
    kind: 'permission',
    en: 'User may not read the message history',
    zh: '用户无权获取消息记录',
  },
  '71': { kind: 'duplicate', en: 'Friend already added', zh: '重复添加好友' },
  '72': {
    kind: 'permission',
    en: 'This user cannot be added as a friend',
    zh: '该用户无法加为好友',
  },
  '73': {
    kind: 'invalid_input',
    en: 'You cannot add yourself as a friend',
    zh: '不能添加自己为好友',
  },
  '74': { kind: 'not_found', en: 'User does not exist', zh: '该用户不存在' },
  '75': { kind: 'not_found', en: 'Friend request does not exist', zh: '好友申请不存在' },
  '76': { kind: 'platform', en: 'Updating the friend failed', zh: '更新好友失败' },
  '77': { kind: 'not_found', en: 'Friend status does not exist', zh: '好友状态不存在' },
  '78': { kind: 'permission', en: 'This user does not accept friends', zh: '该用户不允许加好友' },
  '79': { kind: 'permission', en: 'This user is not a friend', zh: '该用户不是好友' },
  '80': { kind: 'invalid_input', en: 'Invalid client_id format', zh: 'client_id格式不符' },
  '81': { kind: 'duplicate', en: 'client_id already registered', zh: 'client_id已经注册' },
  '82': { kind: 'not_found', en: 'client_id does not exist', zh: 'client_id不存在' },
  '101': { kind: 'not_found', en: 'User has no invitation code', zh: '用户未设置邀请码' },
  '102': { kind: 'invalid_input', en: 'Wrong invitation code', zh: '邀请码错误' },
  '103': { kind: 'duplicate', en: 'Invitation code already set', zh: '重复设置邀请码' },
  '104': {
    kind: 'invalid_input',
    en: 'Invalid phone number or email',
    zh: '手机号或者邮箱格式错误',
  },
  '105': { kind: 'invalid_input', en: 'Wrong verification code', zh: '验证码错误' },
  '106': { kind: 'invalid_input', en: 'Verification code expired', zh: '验证码已过期' },
  '107': {
    kind: 'not_found',
    en: 'No registration found for this user',
    zh: '查询不到用户注册信息',
  },
  '108': { kind: 'platform', en: 'Unbind before binding again', zh: '绑定前需先解邦' },
  '109': {
    kind: 'platform',
    en: 'Phone or email not bound, cannot unbind',
    zh: '手机号或者邮箱未绑定，无法解邦',
  },
  '151': { kind: 'invalid_input', en: 'Invalid user_list format', zh: 'user_list用户组格式错误' },
  '152': {
    kind: 'invalid_input',
    en: 'A group needs at least 3 users',
    zh: '创建群至少要3个以上用户',
  },
  '153': {
    kind: 'platform',
    en: 'User assets do not meet this group’s consensus',
    zh: '用户资产不满足本群共识',
  },
  '201': { kind: 'duplicate', en: 'Duplicate merchant trade_id', zh: '接入方交易ID trade_id重复' },
};

/** Where an API reply (not a pay return) means something else by the same number. */
export const FOMO_API_CODE_OVERRIDES: Record<string, PlatformErrorEntry> = {
  '201': { kind: 'auth_expired', en: 'Temporary verification token error', zh: '临时验证令牌错误' },
};
